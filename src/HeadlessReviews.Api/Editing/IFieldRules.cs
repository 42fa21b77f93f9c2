using HeadlessReviews.Api.Storage.Editing;
using JasperFx;

namespace HeadlessReviews.Api.Editing;

/// <summary>What a catalogue feature (films, people) supplies to <see cref="CatalogueEditing{T, TFields}"/>: its kind and the rules of its fields.</summary>
public interface IFieldRules<T, in TFields> where T : class, IRevisioned
{
    EditedKind<T> Kind { get; }

    /// <summary>A new document with its id, its fields still to be applied.</summary>
    T NewDocument();

    /// <summary>
    /// Checks the given fields and applies them to the document in memory: every mistake is collected in
    /// <paramref name="checks"/>, and the caller saves only when there is none.
    /// </summary>
    Task ApplyAsync(T document, TFields fields, InputChecks checks, CancellationToken cancellationToken);
}

/// <summary>
/// What deleting a document does to those referring to it: a user error (<c>IN_USE</c>) when they keep it
/// (no <paramref name="cascade"/>), else null, their changes queued in the deleting session and announced.
/// </summary>
public delegate Task<UserError?> DeleteCascade<in T>(T document, bool cascade, CancellationToken cancellationToken);
