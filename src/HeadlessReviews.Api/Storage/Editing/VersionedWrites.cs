using HeadlessReviews.Api.Editing;
using JasperFx;
using Marten;

namespace HeadlessReviews.Api.Storage.Editing;

/// <summary>
/// The steps every update and delete of a revisioned document shares: find it by global id, lock its
/// row, check the caller's <c>expectedVersion</c>, and save so that a lost race is a
/// <c>VERSION_CONFLICT</c> user error, never a silent overwrite or a resurrection.
/// </summary>
public static class VersionedWrites
{
    /// <summary>
    /// The document to change, its row locked until the session commits. A concurrent change of the same
    /// document waits, then sees ours: without the lock a document deleted between this read and the
    /// write would come back (Marten's revisioned write is an upsert).
    /// </summary>
    public static async Task<(T? Document, EditResult<T>? Failure)> LockAsync<T>(
        IDocumentSession session, EditedKind<T> kind, string? globalId, int? expectedVersion, CancellationToken cancellationToken)
        where T : class, IRevisioned
    {
        var checks = new InputChecks();
        var id = checks.Id("id", globalId, kind.TypeName);
        if (expectedVersion is null or < 1)
            checks.Add("expectedVersion", UserErrorCode.Required, $"`expectedVersion` must be the {kind.Noun}'s current `version` (1 or more).");
        if (checks.Failed) return (null, EditResult<T>.Failure(checks.Errors));

        await session.BeginTransactionAsync(cancellationToken);
        var document = (await session.QueryAsync<T>('^',
            $"select {DocumentJson.WithVersion("d")} from {kind.Table} d where d.id = ^ for update",
            cancellationToken, id!.Value)).SingleOrDefault();
        if (document is null) return (null, EditResult<T>.Failure(UserError.At("id", UserErrorCode.NotFound, $"There is no {kind.Noun} with this id.")));
        if (document.Version != expectedVersion) return (null, Conflict(kind, document));
        return (document, null);
    }

    /// <summary>
    /// Queues a checked delete. Marten's own Delete would drop a queued revision check, so the revision
    /// is bumped (and checked) first and the row deleted by a command queued after it. Marten sees an
    /// update: whoever announces the change must say "deleted" (the caller does, explicitly).
    /// </summary>
    public static void DeleteChecked<T>(IDocumentSession session, EditedKind<T> kind, T document, int expectedVersion) where T : class, IRevisioned
    {
        session.UpdateRevision(document, expectedVersion + 1);
        session.QueueSqlCommand($"delete from {kind.Table} where id = ?", kind.IdOf(document));
    }

    /// <summary>Commits; the result carries the saved document, or the user error of a lost race.</summary>
    public static async Task<EditResult<T>> SaveAsync<T>(
        IDocumentSession session, EditedKind<T> kind, T document, int expectedVersion, CancellationToken cancellationToken)
        where T : class, IRevisioned
    {
        switch (await Saving.SaveAsync(session, cancellationToken))
        {
            case SaveOutcome.VersionConflict:
                await using (var fresh = session.DocumentStore.QuerySession())
                {
                    var current = await fresh.LoadAsync<T>(kind.IdOf(document), cancellationToken);
                    if (current is null)
                        return EditResult<T>.Failure(UserError.At("id", UserErrorCode.NotFound, $"The {kind.Noun} was deleted meanwhile."));
                    // Unchanged itself: the race was lost on a document the change touched too (a cascade).
                    if (current.Version == expectedVersion)
                        return EditResult<T>.Failure(
                            new UserError(["id"], UserErrorCode.VersionConflict, $"Something this change touches was changed meanwhile; nothing was written. Try again.", current.Version),
                            current);
                    return Conflict(kind, current);
                }
            case SaveOutcome.SlugTaken:
                return EditResult<T>.Failure(UserError.At("slug", UserErrorCode.SlugTaken, $"Another {kind.Noun} took this slug meanwhile."));
            default:
                document.Version = expectedVersion + 1;
                return EditResult<T>.Success(document);
        }
    }

    public static EditResult<T> Conflict<T>(EditedKind<T> kind, T current) where T : class, IRevisioned =>
        EditResult<T>.Failure(
            new UserError(["expectedVersion"], UserErrorCode.VersionConflict,
                $"The {kind.Noun} changed after the version you based this on; it is at version {current.Version} now. Reload it and apply your change again.", current.Version),
            current);
}
