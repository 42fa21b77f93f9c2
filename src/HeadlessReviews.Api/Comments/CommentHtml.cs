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
        var html = new StringBuilder();
        foreach (var paragraph in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>");
            html.AppendJoin("<br>", paragraph.Split('\n').Select(Line));
            html.Append("</p>");
        }
        return html.ToString();
    }

    private static string Line(string line)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match match in Link().Matches(line))
        {
            var url = TrimLink(match.Value);
            Escape(html, line[last..match.Index]);
            html.Append("<a href=\"");
            Escape(html, url);
            html.Append("\" rel=\"nofollow ugc\">");
            Escape(html, url);
            html.Append("</a>");
            last = match.Index + url.Length;
        }
        Escape(html, line[last..]);
        return html.ToString();
    }

    /// <summary>Drops trailing punctuation, and a closing bracket unless the link opened it (Her_(film)).</summary>
    private static string TrimLink(string url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (TrailingPunctuation.Contains(last, StringComparison.Ordinal)) url = url[..^1];
            else if (last == ')' && url.Count(c => c == '(') < url.Count(c => c == ')')) url = url[..^1];
            else if (last == ']' && url.Count(c => c == '[') < url.Count(c => c == ']')) url = url[..^1];
            else break;
        }
        return url;
    }

    /// <summary>Escapes only what HTML gives meaning to, so text stays readable in any client.</summary>
    private static void Escape(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }
    }
}
