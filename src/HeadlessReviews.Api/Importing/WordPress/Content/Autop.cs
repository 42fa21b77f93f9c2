using System.Text;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// What WordPress's wpautop does to classic-editor posts, which are stored without paragraph tags:
/// a blank line ends a paragraph, a single newline is a line break; block-level elements are
/// never wrapped in a paragraph and the inside of <c>&lt;pre&gt;</c> is left exactly as written.
/// </summary>
public static partial class Autop
{
    // Blocks that hold other blocks: their inside is split into paragraphs of its own.
    private const string ContainerTags =
        "article|aside|blockquote|center|colgroup|details|div|dl|fieldset|figure|footer|form|header|hgroup|main|menu|nav|ol|" +
        "section|table|tbody|tfoot|thead|tr|ul|object|noscript|select|audio|video";

    // Blocks that hold text: kept whole, never wrapped in a paragraph.
    private const string LeafTags =
        "address|caption|col|dd|dt|figcaption|h[1-6]|hr|li|p|pre|summary|td|th|legend|option|iframe|embed|source|script|style|math|svg";

    private const string BlockTags = ContainerTags + "|" + LeafTags;

    // Elements whose inside must not be touched: preformatted text and things that are not text at all.
    [GeneratedRegex(@"<(pre|script|style|textarea|svg|math)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Verbatim();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex("(</?(?:" + ContainerTags + @")\b[^>]*>)", RegexOptions.IgnoreCase)]
    private static partial Regex ContainerTag();

    [GeneratedRegex("(<(?:" + LeafTags + @")\b[^>]*>)", RegexOptions.IgnoreCase)]
    private static partial Regex LeafOpening();

    [GeneratedRegex("(</(?:" + LeafTags + @")\s*>)", RegexOptions.IgnoreCase)]
    private static partial Regex LeafClosing();

    [GeneratedRegex(@"(?<!</?(?:" + BlockTags + @")\b[^>]*>[ \t]*)\n(?![ \t]*</?(?:" + BlockTags + @")\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^\s*</?(?:" + BlockTags + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithBlock();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^https?://[^\s<>""]+$", RegexOptions.IgnoreCase)]
    private static partial Regex LoneUrl();

    private const char Mark = '\uE000';

    public static string Apply(string content)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Trim().Length == 0) return "";

        // Park what must not change behind markers, each on a paragraph of its own.
        var parked = new List<string>();
        string Park(Match m)
        {
            parked.Add(m.Value);
            return "\n\n" + Mark + (parked.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + Mark + "\n\n";
        }
        text = Verbatim().Replace(text, Park);
        text = HtmlComment().Replace(text, Park);

        text = ContainerTag().Replace(text, "\n\n$1\n\n");
        text = LeafOpening().Replace(text, "\n\n$1");
        text = LeafClosing().Replace(text, "$1\n\n");

        var html = new StringBuilder();
        foreach (var chunk in BlankLine().Split(text))
        {
            var piece = chunk.Trim();
            if (piece.Length == 0) continue;
            if (piece[0] == Mark || piece.StartsWith("<hr", StringComparison.OrdinalIgnoreCase) || ContainerTag().IsMatch(piece) && ContainerTag().Replace(piece, "").Trim().Length == 0)
            {
                html.Append(piece).Append('\n');
                continue;
            }
            if (StartsWithBlock().IsMatch(piece))
            {
                // A text block written over several lines: its newlines are line breaks, as in a paragraph.
                html.Append(LineBreak().Replace(piece, "<br />\n")).Append('\n');
                continue;
            }
            // WordPress turns a URL alone on its line into an embed; a link is what survives of it here.
            if (LoneUrl().IsMatch(piece)) piece = $"<a href=\"{piece}\">{piece}</a>";
            html.Append("<p>").Append(string.Join("<br />\n", piece.Split('\n').Select(line => line.Trim()))).Append("</p>\n");
        }

        var result = html.ToString();
        for (var i = parked.Count - 1; i >= 0; i--)
            result = result.Replace(Mark + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + Mark, parked[i], StringComparison.Ordinal);
        return result.TrimEnd('\n');
    }
}
