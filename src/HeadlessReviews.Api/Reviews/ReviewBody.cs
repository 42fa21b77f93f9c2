using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// A review's text: the Markdown an editor wrote and the forms a frontend reads.
/// Rendered once when the body is set, so reads never pay for Markdown or sanitising.
/// </summary>
public sealed record ReviewBody(string Markdown, string Html, string Text, IReadOnlyList<string> PullQuotes)
{
    public static readonly ReviewBody Empty = new("", "", "", []);

    /// <summary>
    /// A paragraph of its own that ends the excerpt, as WordPress's "more" tag does: not shown, and the excerpt is the
    /// text before it (imported posts keep theirs; editors write it too).
    /// </summary>
    public const string ExcerptBreak = "<!--more-->";

    /// <summary>How many characters of <see cref="Text"/> come before the <see cref="ExcerptBreak"/>; null without one.</summary>
    public int? ExcerptChars { get; init; }

    // Raw HTML in the Markdown is shown as text (DisableHtml); the sanitiser is the second fence.
    // Pipe tables: imported WordPress posts have tables, and GFM's pipe table is how they are written.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();
    private static readonly HtmlSanitizer Sanitizer = new();

    public static ReviewBody FromMarkdown(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        // Raw HTML is text here, so the break is a paragraph reading "<!--more-->"; only one of the document's own counts.
        var excerptBreak = document.OfType<ParagraphBlock>().FirstOrDefault(paragraph => BlockText(paragraph) == ExcerptBreak);
        string? teaser = null;
        if (excerptBreak is not null)
        {
            teaser = PlainText(document.TakeWhile(block => block != excerptBreak).SelectMany(LeafBlocks));
            document.Remove(excerptBreak);
        }
        var html = Sanitizer.Sanitize(document.ToHtml(Pipeline));
        // A block quote in a review is a pull-quote (the seed blog's convention).
        var pullQuotes = document.Descendants<QuoteBlock>()
            .Select(quote => PlainText(quote.Descendants<LeafBlock>()))
            .Where(quote => quote.Length > 0)
            .ToList();
        var text = PlainText(document.Descendants<LeafBlock>());
        return new ReviewBody(markdown, html, text, pullQuotes)
        {
            ExcerptChars = teaser is { Length: > 0 } && text.StartsWith(teaser, StringComparison.Ordinal) ? teaser.Length : null,
        };
    }

    /// <summary>The text an excerpt is cut from: all of it, or what comes before the break.</summary>
    public static string ExcerptSource(string text, int? excerptChars) =>
        excerptChars is { } chars && chars < text.Length ? text[..chars] : text;

    private static IEnumerable<LeafBlock> LeafBlocks(Block block) =>
        block is LeafBlock leaf ? [leaf] : block.Descendants<LeafBlock>();

    /// <summary>One paragraph per block, separated by a blank line; a line wrapped in the source stays one paragraph.</summary>
    private static string PlainText(IEnumerable<LeafBlock> blocks) =>
        string.Join("\n\n", blocks.Select(BlockText).Where(text => text.Length > 0));

    private static string BlockText(LeafBlock block)
    {
        if (block.Inline is null) return block is CodeBlock ? block.Lines.ToString().Trim() : "";
        var text = new StringBuilder();
        AppendInlines(text, block.Inline);
        return text.ToString().Trim();
    }

    private static void AppendInlines(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline lineBreak: text.Append(lineBreak.IsHard ? '\n' : ' '); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.AsSpan()); break;
                case AutolinkInline link: text.Append(link.Url); break;
                case ContainerInline nested: AppendInlines(text, nested); break;
            }
        }
    }
}
