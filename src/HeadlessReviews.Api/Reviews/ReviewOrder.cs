using HeadlessReviews.Api.Graph.Paging;

namespace HeadlessReviews.Api.Reviews;

public enum ReviewOrderField
{
    PublishedAt,
    UpdatedAt,
    Headline,
}

/// <summary>One key of the <c>orderBy</c> of <c>reviews</c>.</summary>
public sealed class ReviewOrder
{
    public ReviewOrderField Field { get; set; } = ReviewOrderField.PublishedAt;
    public bool Descending { get; set; } = true;

    public SortKey ToSortKey() => Field switch
    {
        // Unpublished reviews (editors only) have no date: they sort as the newest.
        ReviewOrderField.PublishedAt => new SortKey("coalesce(d.published_at, 'infinity'::timestamptz)", "timestamptz", Descending),
        ReviewOrderField.UpdatedAt => new SortKey("d.updated_at", "timestamptz", Descending),
        ReviewOrderField.Headline => new SortKey("lower(d.data->>'Headline')", "text", Descending),
        _ => throw new ArgumentOutOfRangeException(nameof(Field), Field, null),
    };
}
