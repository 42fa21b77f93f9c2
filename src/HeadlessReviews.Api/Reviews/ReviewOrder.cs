using System.ComponentModel;
using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Reviews;

public enum ReviewOrderField
{
    [Description("When the review was first published.")]
    PublishedAt,
    [Description("When the review last changed.")]
    UpdatedAt,
    [Description("Headline, A to Z ignoring letter case.")]
    Headline,
}

/// <summary>One key of the <c>orderBy</c> of <c>reviews</c>.</summary>
public sealed class ReviewOrder
{
    public ReviewOrderField Field { get; set; } = ReviewOrderField.PublishedAt;
    public bool Descending { get; set; } = true;

    public SortKey ToSortKey() => Field switch
    {
        ReviewOrderField.PublishedAt => new SortKey("d.published_order", "timestamptz", Descending),
        ReviewOrderField.UpdatedAt => new SortKey("d.updated_at", "timestamptz", Descending),
        ReviewOrderField.Headline => new SortKey("lower(d.data->>'Headline')", "text", Descending),
        _ => throw new ArgumentOutOfRangeException(nameof(Field), Field, null),
    };
}
