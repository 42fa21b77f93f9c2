using System.Text.RegularExpressions;
using AngleSharp.Dom;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// The house format's verdict: a "Pop or Poop?" heading (any level, or a paragraph of its own, bold or not),
/// then "Rating: Pop!" or "Rating: Poop!", then the summary paragraphs up to the next heading or rule.
/// The section leaves the body; the summary is plain text, as <see cref="Verdict.Summary"/> is.
/// </summary>
public static partial class VerdictSection
{
    [GeneratedRegex(@"^[\W_]*pop\s+or\s+poop\s*[?!.:]*\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\W*rating\s*[:\-–—]\s*(?<rating>pop|poop)\b[\W_]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Rating();

    public static Verdict? Extract(IElement body, ICollection<string> warnings)
    {
        var blocks = body.Children.ToList();
        var start = blocks.FindIndex(b => b.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "p" or "div" &&
                                          BlockLines.Of(b) is [var first, ..] && Heading().IsMatch(first));
        if (start < 0) return null;

        // The rating may share the heading's paragraph (after a line break) or be the next block.
        var section = new List<IElement> { blocks[start] };
        var pending = BlockLines.Of(blocks[start]).Skip(1).ToList();
        var next = start + 1;
        if (pending.Count == 0 && next < blocks.Count)
        {
            pending = [.. BlockLines.Of(blocks[next])];
            section.Add(blocks[next]);
            next++;
        }
        var rating = pending.Count > 0 ? Rating().Match(pending[0]) : Match.Empty;
        if (!rating.Success)
        {
            warnings.Add("A \"Pop or Poop?\" heading is not followed by \"Rating: Pop!\" or \"Rating: Poop!\"; the verdict stayed in the body.");
            return null;
        }

        var summary = new List<string>();
        if (pending.Count > 1) summary.Add(string.Join(" ", pending.Skip(1)));
        for (; next < blocks.Count; next++)
        {
            var block = blocks[next];
            if (block.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "hr") break;
            var text = BlockLines.Text(block);
            if (text.Length > 0) summary.Add(text);
            section.Add(block);
        }
        foreach (var block in section) block.Remove();
        var verdict = rating.Groups["rating"].Value.Equals("pop", StringComparison.OrdinalIgnoreCase) ? VerdictRating.Pop : VerdictRating.Poop;
        return new Verdict(verdict, string.Join("\n\n", summary));
    }
}
