using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>What every mutation answers: the echoed <c>clientMutationId</c>, the object, and the user errors.</summary>
public sealed record Payload<T>(string? ClientMutationId, T? Node, IReadOnlyList<UserError> Errors) where T : class
{
    public static Payload<T> Success(string? clientMutationId, T node) => new(clientMutationId, node, []);

    public static Payload<T> Failure(string? clientMutationId, IReadOnlyList<UserError> errors, T? current = null) =>
        new(clientMutationId, current, errors);

    /// <summary>The payload of a domain operation's result: its document (or none, after a delete) and its user errors.</summary>
    public static Payload<T> From(string? clientMutationId, EditResult<T> result) => new(clientMutationId, result.Document, result.Errors);
}
