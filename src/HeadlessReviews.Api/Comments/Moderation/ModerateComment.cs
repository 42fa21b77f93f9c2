using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Storage.Editing;

namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary>One moderator's decision on one comment, at the version it is based on.</summary>
public sealed class ModerateCommentInput
{
    public string? CommentId { get; set; }
    public ModerationAction Action { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>
/// Approves, marks as spam, trashes or restores one comment: locks it, checks the version and that the
/// action applies to its status (<see cref="ModerationTransitions"/>), saves and announces it.
/// </summary>
public sealed class ModerateComment(ModerationDecisions decisions) : IEditOperation<ModerateCommentInput, Comment>
{
    public async Task<EditResult<Comment>> HandleAsync(ModerateCommentInput input, CancellationToken cancellationToken)
    {
        var session = decisions.Session;
        var kind = ModerationDecisions.Kind;
        var (comment, failure) = await VersionedWrites.LockAsync(session, kind, input.CommentId, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure with { Errors = [.. failure.Errors.Select(NameIdField)] };

        if (ModerationTransitions.Target(input.Action, comment!.Status) is not { } target)
            return EditResult<Comment>.Failure(UserError.At("action", UserErrorCode.InvalidState, ModerationTransitions.Refusal(input.Action, comment.Status)), comment);

        var expectedVersion = comment.Version;
        decisions.Apply(comment, target, decisions.Now());
        return await VersionedWrites.SaveAsync(session, kind, comment, expectedVersion, cancellationToken);
    }

    // The shared editing steps name the id field `id`; this input calls it `commentId`.
    private static UserError NameIdField(UserError error) =>
        error.Field is ["id"] ? error with { Field = ["commentId"] } : error;
}
