using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// A reader's plain text as HTML: everything escaped, blank lines make paragraphs, single newlines
/// line breaks, and bare http(s) links become links a search engine will not credit.
/// </summary>
public static partial class CommentHtml
{
    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    public static string Render(string body)
    {
        var html = new StringBuilder();
        foreach (var paragraph in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>");
            html.Append(string.Join("<br>", paragraph.Split('\n').Select(Line)));
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
            // Trailing punctuation ends the sentence, not the link.
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            html.Append(WebUtility.HtmlEncode(line[last..match.Index]));
            var encoded = WebUtility.HtmlEncode(url);
            html.Append($"<a href=\"{encoded}\" rel=\"nofollow ugc\">{encoded}</a>");
            last = match.Index + url.Length;
        }
        html.Append(WebUtility.HtmlEncode(line[last..]));
        return html.ToString();
    }
}
