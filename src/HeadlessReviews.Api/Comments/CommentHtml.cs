using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// A reader's plain text as HTML: markup characters escaped, blank lines make paragraphs, single
/// newlines line breaks, and bare http(s) links become links a search engine will not credit.
/// Everything else (accents, emoji, any script) is kept as the reader typed it.
/// </summary>
public static partial class CommentHtml
{
    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    // Sentence punctuation and closing quotes after a link end the sentence, not the link.
    private const string TrailingPunctuation = ".,;:!?'\"”’»›…";

    public static string Render(string body)
    {
        // Rendered on every read of a comment (a review page renders dozens): one builder, no strings in between.
        var text = body.Contains('\r') ? body.Replace("\r\n", "\n", StringComparison.Ordinal) : body;
        var html = new StringBuilder(text.Length + text.Length / 8 + 16);
        foreach (var range in text.AsSpan().Split("\n\n".AsSpan()))
        {
            var paragraph = text.AsSpan(range).Trim();
            if (paragraph.IsEmpty) continue;
            html.Append("<p>");
            var first = true;
            foreach (var line in paragraph.Split('\n'))
            {
                if (!first) html.Append("<br>");
                first = false;
                Line(html, paragraph[line]);
            }
            html.Append("</p>");
        }
        return html.ToString();
    }

    private static void Line(StringBuilder html, ReadOnlySpan<char> line)
    {
        var last = 0;
        foreach (var match in Link().EnumerateMatches(line))
        {
            var url = TrimLink(line.Slice(match.Index, match.Length));
            Escape(html, line[last..match.Index]);
            html.Append("<a href=\"");
            Escape(html, url);
            html.Append("\" rel=\"nofollow ugc\">");
            Escape(html, url);
            html.Append("</a>");
            last = match.Index + url.Length;
        }
        Escape(html, line[last..]);
    }

    /// <summary>Drops trailing punctuation, and a closing bracket unless the link opened it (Her_(film)).</summary>
    private static ReadOnlySpan<char> TrimLink(ReadOnlySpan<char> url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (TrailingPunctuation.Contains(last, StringComparison.Ordinal)) url = url[..^1];
            else if (last == ')' && url.Count('(') < url.Count(')')) url = url[..^1];
            else if (last == ']' && url.Count('[') < url.Count(']')) url = url[..^1];
            else break;
        }
        return url;
    }

    /// <summary>Escapes only what HTML gives meaning to, so text stays readable in any client.</summary>
    private static void Escape(StringBuilder html, ReadOnlySpan<char> text)
    {
        int special;
        while ((special = text.IndexOfAny(Special)) >= 0)
        {
            html.Append(text[..special]);
            html.Append(text[special] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(special + 1)..];
        }
        html.Append(text);
    }

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");
}
