using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// Review slugs are unique across current slugs and the old slugs that still lead to renamed
/// reviews: a new review must not take an address that already redirects somewhere else.
/// </summary>
public static class ReviewSlugs
{
    private const int CandidatesPerRoundTrip = 20;

    public static async Task<bool> IsTakenAsync(IQuerySession session, string slug, Guid ownId, CancellationToken cancellationToken) =>
        (await TakenAsync(session, [slug], ownId, cancellationToken)).Count > 0;

    /// <summary>The slug, or the first of <c>slug-2</c>, <c>slug-3</c>… that no other review uses or used.</summary>
    public static async Task<string> UniqueAsync(IQuerySession session, string slug, Guid ownId, CancellationToken cancellationToken)
    {
        for (var first = 1; ; first += CandidatesPerRoundTrip)
        {
            var candidates = Slugs.Candidates(slug).Skip(first - 1).Take(CandidatesPerRoundTrip).ToArray();
            var taken = await TakenAsync(session, candidates, ownId, cancellationToken);
            if (candidates.FirstOrDefault(candidate => !taken.Contains(candidate)) is { } free) return free;
        }
    }

    /// <summary>
    /// Gives the review a new slug. Once it has been public, the old slug is kept so links to it still
    /// work; a draft's old slug was never public and is let go.
    /// </summary>
    public static void Rename(Review review, string slug)
    {
        if (review.Slug == slug) return;
        if (review.PublishedAt is not null && review.Slug.Length > 0 && !review.PreviousSlugs.Contains(review.Slug))
            review.PreviousSlugs.Add(review.Slug);
        review.PreviousSlugs.Remove(slug);
        review.Slug = slug;
    }

    // Both conditions use an index: the unique slug column, and the GIN index of previous_slugs (&&).
    private static async Task<HashSet<string>> TakenAsync(IQuerySession session, string[] candidates, Guid ownId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<string>('^',
            $"select slug from {Tables.Reviews} where slug = any(^) and id <> ^ " +
            $"union select old from {Tables.Reviews}, unnest(previous_slugs) as old where previous_slugs && ^ and id <> ^ and old = any(^)",
            cancellationToken, candidates, ownId, candidates, ownId, candidates)).ToHashSet(StringComparer.Ordinal);
}
