using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// One post's <c>content:encoded</c> as our review parts. Pure: no database, no network.
/// The order matters: shortcodes and paragraphs first (so the house format sees real blocks),
/// then the facts, the verdict and the boilerplate leave the document, then what is left becomes Markdown.
/// </summary>
public static partial class WordPressPost
{
    [GeneratedRegex(@"<!--\s*nextpage\s*-->", RegexOptions.IgnoreCase)]
    private static partial Regex NextPage();

    [GeneratedRegex(@"<!--\s*more\b[^>]*?-->", RegexOptions.IgnoreCase)]
    private static partial Regex More();

    public static ConvertedPost Convert(string content, ConversionOptions options)
    {
        var warnings = new List<string>();
        var html = Html(content ?? "", warnings);

        using var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = ContentRoot(document.Body!);
        var boilerplate = Boilerplate.Remove(body);
        var facts = FactsBlock.Extract(body, warnings);
        var verdict = VerdictSection.Extract(body, warnings);

        var converter = new HtmlToMarkdown(options, warnings);
        var markdown = converter.Convert(document.Body!);
        string? excerpt = null;
        var more = markdown.IndexOf(HtmlToMarkdown.MoreMarker, StringComparison.Ordinal);
        if (more >= 0)
        {
            excerpt = markdown[..more].Trim();
            if (excerpt.Length == 0) excerpt = null;
            // The first marker stays, as the body's excerpt break, when there is text on both sides; any later ones go.
            var rest = markdown[(more + HtmlToMarkdown.MoreMarker.Length)..].Replace(HtmlToMarkdown.MoreMarker, "", StringComparison.Ordinal).Trim();
            markdown = excerpt is null || rest.Length == 0 ? $"{markdown[..more].Trim()}\n\n{rest}" : $"{excerpt}\n\n{ReviewBody.ExcerptBreak}\n\n{rest}";
            markdown = Regex.Replace(markdown, @"\n{3,}", "\n\n").Trim();
        }
        return new ConvertedPost(markdown, excerpt, facts, verdict, warnings, boilerplate, converter.ImageUrls);
    }

    /// <summary>Where the blocks are: inside a wrapper that holds everything (a page builder's lone &lt;div&gt;), else the body.</summary>
    private static AngleSharp.Dom.IElement ContentRoot(AngleSharp.Dom.IElement body)
    {
        var root = body;
        while (root.Children.Length == 1 && root.Children[0].LocalName is "div" or "section" or "article" or "main" &&
               root.ChildNodes.All(n => n is AngleSharp.Dom.IElement || n.TextContent.Trim().Length == 0))
            root = root.Children[0];
        return root;
    }

    /// <summary>The content as HTML with real paragraphs, shortcodes resolved and page breaks gone.</summary>
    private static string Html(string content, List<string> warnings)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (NextPage().IsMatch(text))
        {
            warnings.Add("Dropped <!--nextpage--> page breaks: a review is one page here.");
            text = NextPage().Replace(text, "\n\n");
        }
        // One marker whatever WordPress wrote ("<!--more Read on-->"); its custom link text has no place here.
        text = More().Replace(text, "\n\n<!--more-->\n\n");
        var isBlocks = BlockMarkup.IsBlockContent(text);
        text = Shortcodes.Replace(text, warnings);
        return isBlocks ? BlockMarkup.ToHtml(text, warnings) : Autop.Apply(text);
    }
}
