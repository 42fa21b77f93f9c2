using System.Text;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>Text written into Markdown so that it renders as the same text, never as markup.</summary>
public static partial class MarkdownText
{
    [GeneratedRegex(@"^(\d{1,9})([.)])(?=\s|$)")]
    private static partial Regex OrderedListStart();

    [GeneratedRegex(@"&(?=#?\w+;)")]
    private static partial Regex EntityLike();

    /// <summary>Escapes the characters that start emphasis, links, code, autolinks and table cells anywhere in a line.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~') escaped.Append('\\');
            escaped.Append(c);
        }
        return EntityLike().Replace(escaped.ToString(), "\\&");
    }

    /// <summary>Escapes what would start a block at the beginning of a line: headings, lists, quotes, rules, setext underlines.</summary>
    public static string EscapeLineStart(string line)
    {
        if (line.Length == 0) return line;
        if (line[0] is '#' or '-' or '+' or '=' or '>') return "\\" + line;
        return OrderedListStart().Replace(line, "$1\\$2", 1);
    }

    /// <summary>A code span that holds <paramref name="code"/> whatever backticks it contains.</summary>
    public static string CodeSpan(string code)
    {
        var fence = new string('`', LongestRun(code, '`') + 1);
        var pad = code.StartsWith('`') || code.EndsWith('`') ? " " : "";
        return fence + pad + code + pad + fence;
    }

    public static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>A link destination: in angle brackets when it has spaces or brackets that would end it.</summary>
    public static string Destination(string url)
    {
        if (url.IndexOfAny([' ', '(', ')', '<', '>']) < 0) return url;
        return "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">";
    }

    /// <summary>A link title in double quotes.</summary>
    public static string Title(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "" : " \"" + title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
