using System.Text;
using AngleSharp.Dom;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>The inline half of the conversion: text, emphasis, code spans, links, images, line breaks.</summary>
public sealed partial class HtmlToMarkdown
{
    private string InlineChildren(INode node)
    {
        var text = new StringBuilder();
        foreach (var child in node.ChildNodes) text.Append(Inline(child));
        return text.ToString();
    }

    private string Inline(INode node)
    {
        switch (node)
        {
            case IText text:
                return MarkdownText.Escape(Whitespace().Replace(text.Data, " "));
            case IElement element:
                var name = element.LocalName.ToLowerInvariant();
                if (Dropped.Contains(name)) return Drop(element);
                switch (name)
                {
                    case "br": return LineBreak.ToString();
                    case "em" or "i" or "cite" or "dfn": return Wrap("*", InlineChildren(element));
                    case "strong" or "b": return Wrap("**", InlineChildren(element));
                    case "code" or "kbd" or "samp" or "tt":
                        var code = Whitespace().Replace(element.TextContent, " ");
                        return code.Trim().Length == 0 ? code : MarkdownText.CodeSpan(code);
                    case "a": return Link(element);
                    case "img": return Image(element);
                    default:
                        // A block inside inline content (a <div> in a <span>) reads as a line of its own.
                        var inner = InlineChildren(element);
                        return Blocks.Contains(name) ? LineBreak + inner + LineBreak : inner;
                }
            default:
                return "";
        }
    }

    /// <summary>Emphasis around the words only: "* x *" is not emphasis in Markdown, so edge spaces move outside.</summary>
    private static string Wrap(string marker, string inner)
    {
        var trimmed = inner.Trim(' ', LineBreak);
        if (trimmed.Length == 0) return inner;
        var lead = inner[..inner.IndexOf(trimmed[0], StringComparison.Ordinal)];
        var trail = inner[(inner.LastIndexOf(trimmed[^1]) + 1)..];
        // "**Genre:**Drama" is not bold in CommonMark (a closing run after punctuation needs space or punctuation
        // after it), so trailing punctuation goes outside the markers: "**Genre**:Drama". Escapes stay whole.
        var end = trimmed.Length;
        while (end > 1 && ".,:;!?".Contains(trimmed[end - 1], StringComparison.Ordinal) && trimmed[end - 2] != '\\') end--;
        if (end < trimmed.Length && !char.IsPunctuation(trimmed[end - 1]))
            return lead + marker + trimmed[..end] + marker + trimmed[end..] + trail;
        return lead + marker + trimmed + marker + trail;
    }

    private string Link(IElement anchor)
    {
        var text = InlineChildren(anchor);
        var href = anchor.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || !SafeUrl().IsMatch(href))
        {
            if (!string.IsNullOrEmpty(href)) warnings.Add($"Dropped a link to an address that is not a web address: {href}");
            return text;
        }
        if (text.Trim(' ', LineBreak).Length == 0) text = MarkdownText.Escape(href);
        // An image linked to its full-size file: that file moves with the image.
        if (anchor.QuerySelector("img") is not null && options.RewriteMediaUrl is { } rewrite && Uri.TryCreate(href, UriKind.Absolute, out var media))
            href = rewrite(media).AbsoluteUri;
        return "[" + text.Trim(' ') + "](" + MarkdownText.Destination(href) + MarkdownText.Title(anchor.GetAttribute("title")) + ")";
    }

    private string Image(IElement image)
    {
        var src = image.GetAttribute("src")?.Trim();
        if (string.IsNullOrEmpty(src) || !SafeUrl().IsMatch(src))
        {
            if (!string.IsNullOrEmpty(src)) warnings.Add($"Dropped an image whose address is not a web address: {src}");
            return "";
        }
        if (Uri.TryCreate(src, UriKind.Absolute, out var url))
        {
            if (options.RewriteMediaUrl is { } rewrite) url = rewrite(url);
            src = url.AbsoluteUri;
            _images.Add(url);
        }
        var alt = MarkdownText.Escape(Whitespace().Replace(image.GetAttribute("alt") ?? "", " ").Trim());
        return "![" + alt + "](" + MarkdownText.Destination(src) + MarkdownText.Title(image.GetAttribute("title")) + ")";
    }

    /// <summary>A paragraph from inline Markdown: breaks as backslash line ends, each line safe at its start.</summary>
    private static string Paragraph(string inline)
    {
        var lines = inline.Split(LineBreak).Select(line => MarkdownText.EscapeLineStart(line.Trim())).Where(line => line.Length > 0);
        return string.Join("\\\n", lines);
    }

    private static string OneLine(string inline) => Whitespace().Replace(inline.Replace(LineBreak, ' '), " ").Trim();
}
