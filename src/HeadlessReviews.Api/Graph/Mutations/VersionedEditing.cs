using HeadlessReviews.Api.Storage.Editing;
using JasperFx;
using Marten;

namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>
/// <see cref="VersionedWrites"/> answering payloads, for the mutations that have no domain service of
/// their own yet (comment moderation); the others map an <see cref="Editing.EditResult{T}"/> with
/// <see cref="Payload{T}.From"/>.
/// </summary>
public static class VersionedEditing
{
    public static async Task<(T? Document, Payload<T>? Failure)> LockAsync<T>(
        IDocumentSession session, EditedKind<T> kind, string? globalId, int? expectedVersion, string? clientMutationId, CancellationToken cancellationToken)
        where T : class, IRevisioned
    {
        var (document, failure) = await VersionedWrites.LockAsync(session, kind, globalId, expectedVersion, cancellationToken);
        return (document, failure is null ? null : Payload<T>.From(clientMutationId, failure));
    }

    public static async Task<Payload<T>> SaveAsync<T>(
        IDocumentSession session, EditedKind<T> kind, T document, string? clientMutationId, int expectedVersion, CancellationToken cancellationToken)
        where T : class, IRevisioned =>
        Payload<T>.From(clientMutationId, await VersionedWrites.SaveAsync(session, kind, document, expectedVersion, cancellationToken));
}
