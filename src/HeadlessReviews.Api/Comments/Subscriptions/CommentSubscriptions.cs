using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Subscriptions;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Comments.Subscriptions;

/// <summary><c>commentAdded(reviewId:)</c> for everyone, <c>moderationQueueChanged</c> for moderators.</summary>
public sealed class CommentSubscriptions(CommentBecameVisible visible, ModerationQueueChanged queue) : ISubscriptionFields
{
    public void AddTo(SubscriptionType subscription)
    {
        subscription.Field<NonNullGraphType<CommentType>, Comment>("commentAdded")
            .Description("Fires when a comment on the review becomes public: posted and approved at once, or approved by a moderator. Never for pending or spam comments.")
            .Argument<NonNullGraphType<IdGraphType>>("reviewId", "The review's global id.")
            .ResolveStream(context =>
            {
                var reviewId = GlobalId.DecodeAs(context.GetArgument<string>("reviewId"), "Review")
                    ?? throw new UserInputError("reviewId", "`reviewId` is not the id of a Review.");
                return visible.Feed.Observe(comment => comment.ReviewId == reviewId, comment => comment);
            });

        subscription.Field<NonNullGraphType<CommentType>, Comment>("moderationQueueChanged")
            .Description("Fires for each comment held for moderation and each moderation decision, with the comment as it is now. Needs MODERATOR.")
            .AuthorizeWithRoles(Roles.Moderator)
            // The field rule guards the stream too (FieldAuthorization), before it is opened.
            .ResolveStream(_ => queue.Feed.Observe(_ => true, comment => comment));
    }
}
