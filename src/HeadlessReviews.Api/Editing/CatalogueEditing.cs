using HeadlessReviews.Api.Storage.Editing;
using JasperFx;
using Marten;

namespace HeadlessReviews.Api.Editing;

/// <summary>
/// Create, update and delete of a catalogue document (a film, a person), one mechanism for every such
/// feature: each supplies the rules of its fields (<see cref="IFieldRules{T, TFields}"/>) and what a
/// delete does to what refers to it (<see cref="DeleteCascade{T}"/>). Every operation runs in one
/// transaction, announces what it changed, and saves with the version check of
/// <see cref="VersionedWrites"/>.
/// </summary>
public sealed class CatalogueEditing<T, TFields>(IDocumentSession session, IFieldRules<T, TFields> rules, ChangeAnnouncer announcer)
    where T : class, IRevisioned
{
    public async Task<EditResult<T>> CreateAsync(TFields fields, CancellationToken cancellationToken)
    {
        var document = rules.NewDocument();
        // The transaction starts before the checks: what they lock (a film's credited people, for
        // share) stays locked until the insert commits.
        await session.BeginTransactionAsync(cancellationToken);
        var checks = new InputChecks();
        await rules.ApplyAsync(document, fields, checks, cancellationToken);
        if (checks.Failed) return EditResult<T>.Failure(checks.Errors);

        session.Insert(document);
        announcer.Changed(session, document);
        return await VersionedWrites.SaveAsync(session, rules.Kind, document, expectedVersion: 0, cancellationToken);
    }

    /// <summary>The given fields of the document at <paramref name="expectedVersion"/>, its row locked from the read to the save.</summary>
    public async Task<EditResult<T>> UpdateAsync(string? id, int? expectedVersion, TFields fields, CancellationToken cancellationToken)
    {
        var (document, failure) = await VersionedWrites.LockAsync(session, rules.Kind, id, expectedVersion, cancellationToken);
        if (failure is not null) return failure;

        var checks = new InputChecks();
        await rules.ApplyAsync(document!, fields, checks, cancellationToken);
        if (checks.Failed) return EditResult<T>.Failure(checks.Errors);

        session.UpdateRevision(document!, expectedVersion!.Value + 1);
        announcer.Changed(session, document!);
        return await VersionedWrites.SaveAsync(session, rules.Kind, document!, expectedVersion.Value, cancellationToken);
    }

    /// <summary>Deletes the document at the input's version after its cascade step; the result has no document when it is gone.</summary>
    public async Task<EditResult<T>> DeleteAsync(DeleteInput input, DeleteCascade<T> cascadeStep, CancellationToken cancellationToken)
    {
        var (document, failure) = await VersionedWrites.LockAsync(session, rules.Kind, input.Id, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure;
        if (await cascadeStep(document!, input.Cascade, cancellationToken) is { } refusal) return EditResult<T>.Failure(refusal, document);

        var expectedVersion = input.ExpectedVersion!.Value;
        VersionedWrites.DeleteChecked(session, rules.Kind, document!, expectedVersion);
        announcer.Deleted(session, document!);
        var saved = await VersionedWrites.SaveAsync(session, rules.Kind, document!, expectedVersion, cancellationToken);
        return saved.Succeeded ? EditResult<T>.Deleted() : saved;
    }
}
