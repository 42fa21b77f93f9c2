namespace HeadlessReviews.Api.Reviews;

/// <summary>A teaser cut from a review's text at a word boundary.</summary>
public static class Excerpt
{
    public const int MaxLength = 2_000;

    public static string Of(string text, int length)
    {
        var firstParagraphs = text.Replace("\n\n", " ", StringComparison.Ordinal);
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
