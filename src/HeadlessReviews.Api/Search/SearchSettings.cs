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
}
