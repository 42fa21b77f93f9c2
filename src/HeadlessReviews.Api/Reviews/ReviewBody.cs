using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// A review's text: the Markdown an editor wrote and the forms a frontend reads.
/// Rendered once when the body is set, so reads never pay for Markdown or sanitising.
/// </summary>
public sealed record ReviewBody(string Markdown, string Html, string Text, IReadOnlyList<string> PullQuotes)
{
    public static readonly ReviewBody Empty = new("", "", "", []);

    // Raw HTML in the Markdown is shown as text (DisableHtml); the sanitiser is the second fence.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly HtmlSanitizer Sanitizer = new();

    public static ReviewBody FromMarkdown(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var html = Sanitizer.Sanitize(document.ToHtml(Pipeline));
        var text = PlainText(markdown);
        // A block quote in a review is a pull-quote (the seed blog's convention).
        var pullQuotes = document.Descendants<QuoteBlock>()
            .Select(quote => PlainText(Unquote(markdown.Substring(quote.Span.Start, quote.Span.Length))))
            .Where(quote => quote.Length > 0)
            .ToList();
        return new ReviewBody(markdown, html, text, pullQuotes);
    }

    private static string Unquote(string source) => string.Join('\n', source.Split('\n').Select(line =>
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('>') ? trimmed[1..] : line;
    }));

    private static string PlainText(string markdown) => string.Join("\n\n",
        Markdig.Markdown.ToPlainText(markdown, Pipeline)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
