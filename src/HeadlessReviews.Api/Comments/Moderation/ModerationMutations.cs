using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Comments.Subscriptions;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary><c>moderateComment</c> and <c>moderateComments</c>: MODERATOR or ADMIN.</summary>
public sealed class ModerationMutations : IMutationFields
{
    public const int MaxBulk = 100;

    public void AddTo(MutationType mutation)
    {
        mutation.Field<PayloadType<CommentType, Comment>>("moderateComment")
            .Description("Approves, marks as spam, trashes or restores one comment. Approving makes it visible and counted. Needs MODERATOR.")
            .Argument<NonNullGraphType<ModerateCommentInputType>>("input", "The decision.")
            .AuthorizeWithRoles(Roles.Moderator)
            .ResolveAsync(async context => await ModerateComment.RunAsync(context, context.GetArgument<ModerateCommentInput>("input")));

        mutation.Field<NonNullGraphType<ModerateCommentsPayloadType>>("moderateComments")
            .Description($"One decision for up to {MaxBulk} comments, all in one transaction: every comment is changed, or, when any id is unknown or the action does not apply to it, none is. Needs MODERATOR.")
            .Argument<NonNullGraphType<ModerateCommentsInputType>>("input", "The comments and the decision.")
            .AuthorizeWithRoles(Roles.Moderator)
            .ResolveAsync(async context => await ModerateComments.RunAsync(context, context.GetArgument<ModerateCommentsInput>("input")));
    }

    internal static readonly EditedKind<Comment> Kind = new("Comment", "comment", Tables.Comments, comment => comment.Id);

    /// <summary>Applies a decision already checked against the comment's status.</summary>
    internal static void Apply(IDocumentSession session, IEventBus bus, Comment comment, CommentStatus target, Viewer viewer, DateTimeOffset now)
    {
        var wasVisible = comment.Status == CommentStatus.Approved;
        comment.Status = target;
        comment.ModeratedAt = now;
        comment.ModeratedBy = viewer.Name;
        session.UpdateRevision(comment, comment.Version + 1);
        // In the same transaction as the decision: subscribers hear of it only if it commits.
        ModerationQueueChanged.Publish(bus, session, comment);
        if (target == CommentStatus.Approved && !wasVisible) CommentBecameVisible.Publish(bus, session, comment);
    }
}
