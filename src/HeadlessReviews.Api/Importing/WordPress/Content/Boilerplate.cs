using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>Lines that are the blog's and not the review's, such as the closing call for comments; removed and reported.</summary>
public static partial class Boilerplate
{
    // Tolerant: any case, curly or straight apostrophes, "my"/"this"/"the" review, with or without "section", any punctuation.
    [GeneratedRegex(@"^\W*do\s+you\s+agree\s+with\s+(?:my|this|the|our)\s+review\W*(?:let\s+(?:me|us)\s+know\s+in\s+the\s+comments?(?:\s+section)?(?:\s+below)?)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex CallForComments();

    [GeneratedRegex(@"^\W*let\s+(?:me|us)\s+know\s+(?:what\s+you\s+think\s+)?in\s+the\s+comments?(?:\s+section)?(?:\s+below)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex LetMeKnow();

    public static IReadOnlyList<string> Remove(IElement body)
    {
        var removed = new List<string>();
        foreach (var block in body.Children.ToList())
        {
            var text = BlockLines.Text(block);
            if (text.Length == 0 || !(CallForComments().IsMatch(text) || LetMeKnow().IsMatch(text))) continue;
            removed.Add(text);
            block.Remove();
        }
        return removed;
    }
}
