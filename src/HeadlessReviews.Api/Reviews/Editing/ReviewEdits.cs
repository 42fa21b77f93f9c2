using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// The steps every review operation shares, on top of <see cref="VersionedWrites"/>: find and lock the
/// review at the version the caller based its change on, and save the change together with its
/// revision in the review's event stream, in one transaction, announced through
/// <see cref="ChangeAnnouncer"/>.
/// </summary>
public sealed class ReviewEdits(IDocumentSession session, ChangeAnnouncer announcer, Viewer viewer, TimeProvider clock,
    IEnumerable<IDeletionCascade<Review>> cascades)
{
    public static readonly EditedKind<Review> Kind = new("Review", "review", Tables.Reviews, review => review.Id);

    public IDocumentSession Session => session;

    public ChangeAnnouncer Announcer => announcer;

    public DateTimeOffset Now => clock.GetStoredNow();

    /// <summary>The review to change, its row locked until the save, checked against <paramref name="expectedVersion"/>.</summary>
    public Task<(Review? Review, EditResult<Review>? Failure)> FindAsync(string? globalId, int? expectedVersion, CancellationToken cancellationToken) =>
        VersionedWrites.LockAsync(session, Kind, globalId, expectedVersion, cancellationToken);

    /// <summary>Saves a new (<paramref name="expectedVersion"/> 0) or changed review with its revision.</summary>
    public async Task<EditResult<Review>> SaveAsync(Review review, int expectedVersion,
        ReviewRevisionAction action, IReadOnlyList<string> changedFields, CancellationToken cancellationToken, int? restoredFrom = null)
    {
        var version = expectedVersion + 1;
        if (expectedVersion == 0) session.Insert(review);
        else session.UpdateRevision(review, version);
        announcer.Changed(session, review);
        session.Events.Append(review.Id, new ReviewRevised(action, viewer.Name, review.UpdatedAt, version, changedFields, ReviewSnapshot.Of(review), restoredFrom));
        return await VersionedWrites.SaveAsync(session, Kind, review, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Deletes a review and its comments (<see cref="IDeletionCascade{T}"/>); its history ends with who deleted it (the stream stays, for the
    /// record). The comments, deleted in bulk with it, are announced by the review's event only.
    /// </summary>
    public async Task<EditResult<Review>> DeleteAsync(Review review, int expectedVersion, CancellationToken cancellationToken)
    {
        // A review's comments go with it (Comments/' cascade), never refused.
        await cascades.AsStep()(review, true, cancellationToken);
        VersionedWrites.DeleteChecked(session, Kind, review, expectedVersion);
        announcer.Deleted(session, review);
        session.Events.Append(review.Id, new ReviewDeleted(viewer.Name, Now, review.Slug));
        var saved = await VersionedWrites.SaveAsync(session, Kind, review, expectedVersion, cancellationToken);
        return saved.Succeeded ? EditResult<Review>.Deleted() : saved;
    }
}
