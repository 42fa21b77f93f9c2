using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Reviews.Editing;
using JasperFx.Events;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>One recorded change of a review: its place in the review's history and what it recorded.</summary>
public sealed record ReviewRevision(int Number, ReviewRevised Change);

/// <summary>Each review's revisions, newest first; one round trip per batch of reviews.</summary>
public sealed class RevisionsByReviewLoader(IQuerySession session) : BatchLoader<Guid, IReadOnlyList<ReviewRevision>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ReviewRevision>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(keys.ToArray()))
            .OrderByDescending(e => e.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return events
            .Where(e => e.Data is ReviewRevised)
            .GroupBy(e => e.StreamId)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<ReviewRevision>)[.. group.Select(Revision)]);
    }

    protected override IReadOnlyList<ReviewRevision> Missing(Guid key) => [];

    private static ReviewRevision Revision(IEvent e) => new((int)e.Version, (ReviewRevised)e.Data);
}
