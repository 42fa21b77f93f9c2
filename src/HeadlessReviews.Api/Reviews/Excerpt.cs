namespace HeadlessReviews.Api.Reviews;

/// <summary>A teaser cut from a review's text at a word boundary.</summary>
public static class Excerpt
{
    public const int MaxLength = 2_000;

    public static string Of(string text, int length)
    {
        // Each character of the excerpt takes at most two of the text's (a paragraph break becomes one space), and
        // one past the length decides whether it is cut: the start of the text gives the same excerpt as the whole.
        var start = text.Length > 2 * length + 2 ? text[..(2 * length + 2)] : text;
        var firstParagraphs = start.Replace("\n\n", " ", StringComparison.Ordinal);
        if (firstParagraphs.Length <= length) return firstParagraphs;
        var cut = firstParagraphs.LastIndexOf(' ', length - 1);
        if (cut <= 0)
        {
            // No space to cut at: cut the word, but never between the halves of an emoji.
            cut = length - 1;
            if (cut > 0 && char.IsHighSurrogate(firstParagraphs[cut - 1])) cut--;
        }
        return firstParagraphs[..cut].TrimEnd(',', ';', ':', '.', ' ', '–', '-') + "…";
    }
}
