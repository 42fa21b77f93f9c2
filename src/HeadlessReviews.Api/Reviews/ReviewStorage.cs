using Marten;
using Marten.Schema;

namespace HeadlessReviews.Api.Reviews;

public static class ReviewStorage
{
    public const string PublishedListIndex = "mt_doc_review_idx_published_list";

    /// <summary>Columns behind the review lists (status, dates, film), old-slug redirects (search vectors: Search/StoredSearchVectors).</summary>
    public static void Configure(StoreOptions options)
    {
        var reviews = options.Schema.For<Review>();
        reviews.UseNumericRevisions(true);
        reviews.Duplicate(r => r.Slug, configure: index => index.IsUnique = true);
        reviews.Duplicate(r => r.PreviousSlugs, pgType: "text[]", configure: index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
        reviews.Duplicate(r => r.FilmId);
        reviews.Duplicate(r => r.Status);
        reviews.Duplicate(r => r.PublishedAt!);
        reviews.Duplicate(r => r.PublishedOrder);
        reviews.Duplicate(r => r.UpdatedAt);
    }

    /// <summary>
    /// The public's newest-first list (the home page) reads the first rows of this partial index; the full
    /// index on published_order would first walk past every draft, which sorts as the newest. Called by
    /// <see cref="Review.ConfigureMarten"/>: Marten's fluent configuration cannot name a second index on a column.
    /// </summary>
    public static void AddPublishedListIndex(DocumentMapping mapping)
    {
        // In the list's own order (ReviewOrder, then the id), so the first page is the index's first rows, unsorted;
        // a second column also keeps it apart from the duplicated column's index (all reviews, for editors' lists).
        var index = mapping.AddIndex("published_order desc", "id");
        index.Name = PublishedListIndex;
        index.Predicate = $"status = '{nameof(ReviewStatus.Published)}'";
    }
}
