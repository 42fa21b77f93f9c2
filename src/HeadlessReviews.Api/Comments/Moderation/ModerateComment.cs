using GraphQL;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary>One decision: lock the comment, check the version and the transition, save.</summary>
public static class ModerateComment
{
    public static async Task<Payload<Comment>> RunAsync(IResolveFieldContext context, ModerateCommentInput input)
    {
        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        var kind = ModerationMutations.Kind;
        var (comment, failure) = await VersionedEditing.LockAsync(session, kind, input.CommentId, input.ExpectedVersion, input.ClientMutationId, context.CancellationToken);
        if (failure is not null) return failure with { Errors = [.. failure.Errors.Select(NameIdField)] };

        if (ModerationTransitions.Target(input.Action, comment!.Status) is not { } target)
            return Payload<Comment>.Failure(input.ClientMutationId,
                [UserError.At("action", UserErrorCode.InvalidState, ModerationTransitions.Refusal(input.Action, comment.Status))], comment);

        var expectedVersion = comment.Version;
        ModerationMutations.Apply(session, services.GetRequiredService<IEventBus>(), comment, target, services.GetRequiredService<Viewer>(), services.GetRequiredService<TimeProvider>().GetStoredNow());
        return await VersionedEditing.SaveAsync(session, kind, comment, input.ClientMutationId, expectedVersion, context.CancellationToken);
    }

    // The shared editing steps name the id field `id`; this input calls it `commentId`.
    private static UserError NameIdField(UserError error) =>
        error.Field is ["id"] ? error with { Field = ["commentId"] } : error;
}
