using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Search;

/// <summary>Limits of <c>search</c>, bound from <c>HeadlessReviews:Search</c>.</summary>
public sealed class SearchSettings
{
    public const string Section = "HeadlessReviews:Search";

    /// <summary>Longest query text accepted, in characters; longer ones get a clear error.</summary>
    [Range(1, 10_000)]
    public int MaxQueryLength { get; set; } = 256;

    /// <summary>Most words of a query that are searched for; a query with more gets a clear error.</summary>
    [Range(1, 100)]
    public int MaxTerms { get; set; } = 16;

    /// <summary>
    /// Most matches of each kind (reviews, films, people) that one search ranks. Ranking reads every match's
    /// vector, so a word found in most documents would cost seconds at a large catalogue (a search for "the"
    /// over 200,000 reviews: 1.7 s of PostgreSQL); past this many, the matches the index yields first are
    /// ranked and the rest are left out, in the results and in <c>totalCount</c>.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxRankedMatches { get; set; } = 2_000;
}
