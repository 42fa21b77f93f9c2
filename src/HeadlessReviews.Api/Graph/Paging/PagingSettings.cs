using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Graph.Paging;

/// <summary>Page sizes of every connection, bound from <c>HeadlessReviews:Paging</c>.</summary>
public sealed class PagingSettings
{
    public const string Section = "HeadlessReviews:Paging";

    [Range(1, 1_000)]
    public int DefaultPageSize { get; set; } = 20;

    [Range(1, 1_000)]
    public int MaxPageSize { get; set; } = 100;
}
