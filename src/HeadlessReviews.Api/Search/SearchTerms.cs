using System.Text.RegularExpressions;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Search;

/// <summary>
/// Turns what a reader typed into a PostgreSQL text query: words only (letters and digits), each
/// matched as a prefix, all required. Operators and quotes in the input are plain text, never syntax.
/// </summary>
public static partial class SearchTerms
{
    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();

    /// <summary>The <c>to_tsquery</c> text, or null when the input holds no word at all (emoji, punctuation).</summary>
    public static string? ToTsQuery(string input, SearchSettings settings)
    {
        if (input.Length > settings.MaxQueryLength)
            throw new UserInputError("query", $"The search text is {input.Length} characters long; the most is {settings.MaxQueryLength}.");
        var words = Word().Matches(input).Select(match => match.Value.ToLowerInvariant()).Distinct().ToList();
        if (words.Count > settings.MaxTerms)
            throw new UserInputError("query", $"The search text has {words.Count} words; the most is {settings.MaxTerms}.");
        // 'simple' keeps every word (English stop words like "her" included); ':*' matches prefixes.
        return words.Count == 0 ? null : string.Join(" & ", words.Select(word => $"'{word}':*"));
    }
}
