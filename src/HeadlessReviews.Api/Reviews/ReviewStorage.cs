using Marten;

namespace HeadlessReviews.Api.Reviews;

public static class ReviewStorage
{
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
}
