using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// Post HTML as our Markdown (CommonMark, pipe tables): headings, paragraphs, breaks, emphasis, links,
/// lists, block quotes (our pull-quotes), code, tables and images. What could run in a reader's
/// browser (script, style, iframe, form, object, embed, event handlers, javascript: links) is
/// dropped here, before the renderer's sanitiser ever sees it; attributes never reach the Markdown at all.
/// </summary>
public sealed partial class HtmlToMarkdown(ConversionOptions options, ICollection<string> warnings)
{
    /// <summary>Stands where <c>&lt;!--more--&gt;</c> was, as a block of its own, until the excerpt is cut there.</summary>
    public const string MoreMarker = "\uE001more\uE001";

    private const char LineBreak = '\uE002';

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "form", "object", "embed", "applet", "noscript", "template",
        "input", "button", "select", "textarea", "link", "meta", "base", "svg", "math", "canvas", "audio", "video", "head", "title",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "figure", "figcaption",
        "hr", "section", "article", "header", "footer", "aside", "main", "nav", "dl", "dt", "dd", "address", "details",
        "summary", "center", "hgroup", "fieldset",
    };

    private readonly List<Uri> _images = [];

    public IReadOnlyList<Uri> ImageUrls => _images;

    [GeneratedRegex(@"[ \t\n\r\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*(?:https?:|mailto:|tel:|#|/|\.|\?)|^[^:]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SafeUrl();

    public string Convert(INode container) => JoinBlocks(BlockList(container));

    private static string JoinBlocks(IEnumerable<string> blocks) =>
        string.Join("\n\n", blocks.Where(b => b.Length > 0));

    /// <summary>The Markdown blocks of a container's children; loose text and inline elements between blocks make paragraphs.</summary>
    private List<string> BlockList(INode container)
    {
        var blocks = new List<string>();
        var inline = new StringBuilder();
        void Flush()
        {
            var paragraph = Paragraph(inline.ToString());
            if (paragraph.Length > 0) blocks.Add(paragraph);
            inline.Clear();
        }
        foreach (var node in container.ChildNodes)
        {
            if (node is IComment comment)
            {
                if (comment.Data.Trim().StartsWith("more", StringComparison.OrdinalIgnoreCase)) { Flush(); blocks.Add(MoreMarker); }
                continue;
            }
            if (node is IElement element && (Blocks.Contains(element.LocalName) || Dropped.Contains(element.LocalName)))
            {
                Flush();
                var block = Block(element);
                if (block.Length == 0) continue;
                // Two lists in a row would merge into one in Markdown; a different marker keeps them apart.
                if (blocks.Count > 0 && element.LocalName is "ul" or "ol" && SameListKind(blocks[^1], block)) block = OtherMarker(block);
                blocks.Add(block);
                continue;
            }
            inline.Append(Inline(node));
        }
        Flush();
        return blocks;
    }

    private string Block(IElement element)
    {
        var name = element.LocalName.ToLowerInvariant();
        if (Dropped.Contains(name)) return Drop(element);
        switch (name)
        {
            case "p":
            case "dt":
            case "summary":
            case "address":
                return Paragraph(InlineChildren(element));
            case "dd":
                return JoinBlocks(BlockList(element));
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var heading = OneLine(InlineChildren(element));
                return heading.Length == 0 ? "" : new string('#', name[1] - '0') + " " + heading.TrimEnd('#') + (heading.EndsWith('#') ? "\\#" : "");
            case "hr":
                return "---";
            case "ul":
            case "ol":
                return List(element);
            case "li":
                return List(element.ParentElement ?? element, [element]);
            case "blockquote":
                return Quote(element);
            case "pre":
                return Code(element);
            case "table":
                return MarkdownTable.From(element, cell => OneLine(InlineChildren(cell)));
            case "figcaption":
                var caption = OneLine(InlineChildren(element));
                return caption.Length == 0 ? "" : "*" + caption + "*";
            case "figure":
                return Figure(element);
            default:
                return JoinBlocks(BlockList(element));
        }
    }

    private string Drop(IElement element)
    {
        var source = element.GetAttribute("src") ?? element.GetAttribute("data") ?? element.GetAttribute("action");
        warnings.Add($"Dropped a <{element.LocalName}> element" + (source is null ? "" : $" ({source})") + ": it could run code in a reader's browser.");
        return "";
    }

    /// <summary>An image with its caption as an italic line right under it (one paragraph, a hard line break between).</summary>
    private string Figure(IElement figure)
    {
        var caption = figure.Children.FirstOrDefault(c => c.LocalName == "figcaption");
        if (caption is null || figure.QuerySelector("img") is null || figure.QuerySelector("blockquote, table, ul, ol, pre") is not null)
            return JoinBlocks(BlockList(figure));
        caption.Remove();
        var image = JoinBlocks(BlockList(figure));
        var text = OneLine(InlineChildren(caption));
        return text.Length == 0 ? image : image + "\\\n*" + text + "*";
    }

    private string Quote(IElement quote)
    {
        // A pull-quote's attribution goes under the quote, so the quote's text is the quote alone.
        var cites = quote.Children.Where(c => c.LocalName == "cite").ToList();
        foreach (var cite in cites) cite.Remove();
        var inner = JoinBlocks(BlockList(quote));
        if (inner.Length == 0) return "";
        var quoted = string.Join("\n", inner.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));
        var attribution = string.Join(", ", cites.Select(c => OneLine(InlineChildren(c))).Where(c => c.Length > 0));
        return attribution.Length == 0 ? quoted : quoted + "\n\n— " + attribution;
    }

    private static string Code(IElement pre)
    {
        var code = pre.QuerySelector("code");
        var language = (code ?? pre).ClassList.Select(c => c.StartsWith("language-", StringComparison.Ordinal) ? c["language-".Length..] : null)
            .FirstOrDefault(c => c is not null) ?? "";
        var text = PreText(pre).TrimEnd('\n');
        if (text.StartsWith('\n')) text = text[1..];
        var fence = new string('`', Math.Max(3, MarkdownText.LongestRun(text, '`') + 1));
        return fence + language + "\n" + text + "\n" + fence;
    }

    private static string PreText(INode node)
    {
        var text = new StringBuilder();
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data);
            else if (child is IElement { LocalName: "br" }) text.Append('\n');
            else if (child is IElement e && !Dropped.Contains(e.LocalName)) text.Append(PreText(e));
        }
        return text.ToString();
    }

    private string List(IElement list) =>
        List(list, list.Children.Where(c => c.LocalName == "li").ToList());

    private string List(IElement list, List<IElement> items)
    {
        var ordered = list.LocalName == "ol";
        var start = ordered && int.TryParse(list.GetAttribute("start"), out var s) ? s : 1;
        var rendered = new List<string>();
        var loose = false;
        for (var i = 0; i < items.Count; i++)
        {
            var blocks = BlockList(items[i]);
            if (blocks.Count(b => !b.StartsWith("- ", StringComparison.Ordinal) && !char.IsAsciiDigit(b[0])) > 1) loose = true;
            var marker = ordered ? (start + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "- ";
            var body = string.Join(loose ? "\n\n" : "\n", blocks);
            var indent = new string(' ', marker.Length);
            var lines = body.Split('\n').Select((line, n) => n == 0 ? marker + line : line.Length == 0 ? "" : indent + line);
            rendered.Add(body.Length == 0 ? marker.TrimEnd() : string.Join("\n", lines));
        }
        return string.Join(loose ? "\n\n" : "\n", rendered);
    }

    [GeneratedRegex(@"^(?:[-*] |\d+[.)] )")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:(?<bullet>[-*])|(?<number>\d+)(?<delimiter>[.)])) ", RegexOptions.Multiline)]
    private static partial Regex TopLevelMarker();

    private static bool SameListKind(string previous, string list)
    {
        var a = ListMarker().Match(previous);
        var b = ListMarker().Match(list);
        return a.Success && b.Success && a.Value[^2] == b.Value[^2];
    }

    private static string OtherMarker(string list) => TopLevelMarker().Replace(list, m =>
        m.Groups["bullet"].Success ? (m.Groups["bullet"].Value == "-" ? "* " : "- ")
            : m.Groups["number"].Value + (m.Groups["delimiter"].Value == "." ? ")" : ".") + " ");
}
