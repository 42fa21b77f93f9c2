namespace HeadlessReviews.Api.Editing;

/// <summary>
/// How an editing operation ended, for any caller (a mutation, the scheduler, an importer): the
/// document as it is after the change, or the user errors and nothing written. On
/// <c>VERSION_CONFLICT</c> the document is the current one and the error carries its version; after a
/// delete there is no document and no error.
/// </summary>
public sealed record EditResult<T>(T? Document, IReadOnlyList<UserError> Errors) where T : class
{
    public bool Succeeded => Errors.Count == 0;

    public static EditResult<T> Success(T document) => new(document, []);

    public static EditResult<T> Deleted() => new(null, []);

    public static EditResult<T> Failure(IReadOnlyList<UserError> errors, T? current = null) => new(current, errors);

    public static EditResult<T> Failure(UserError error, T? current = null) => new(current, [error]);
}
