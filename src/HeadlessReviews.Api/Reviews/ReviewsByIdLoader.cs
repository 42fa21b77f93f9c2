using GraphQL.DataLoader;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Security;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>Reviews by id, one round trip per batch; reviews the viewer may not see come back as null.</summary>
public sealed class ReviewsByIdLoader(IQuerySession session, Viewer viewer) : BatchLoader<Guid, Review?>
{
    // Its own cache: this loader's may hold a part of a review (the review page's, primed by the lookup by slug).
    private readonly WholeReviews _whole = new(session, viewer);

    protected override Task<IReadOnlyDictionary<Guid, Review?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken) =>
        Fetch(session, viewer, keys, cancellationToken);

    /// <summary>The review if the viewer may see it, else null: what <see cref="BatchLoader{TKey,TValue}.Load"/> would answer.</summary>
    public Review? Visible(Review review) => viewer.CanSee(review) ? review : null;

    /// <summary>
    /// The whole of a review read in part (a card, <see cref="Review.BodyHtmlOnly"/>), for a field that needs
    /// what the part left out; never the part itself, whatever this loader was primed with.
    /// </summary>
    public IDataLoaderResult<Review> LoadWhole(Review part) =>
        _whole.Load(part.Id).Then(review => review ?? throw new InvalidOperationException($"Review {part.Id} is no longer visible."));

    private static async Task<IReadOnlyDictionary<Guid, Review?>> Fetch(IQuerySession session, Viewer viewer, IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var reviews = await session.LoadManyAsync<Review>(cancellationToken, keys).ConfigureAwait(false);
        return reviews.Where(viewer.CanSee).ToDictionary(review => review.Id, review => (Review?)review);
    }

    private sealed class WholeReviews(IQuerySession session, Viewer viewer) : BatchLoader<Guid, Review?>
    {
        protected override Task<IReadOnlyDictionary<Guid, Review?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken) =>
            Fetch(session, viewer, keys, cancellationToken);
    }
}
