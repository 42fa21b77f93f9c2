using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Reviews.Editing;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Reviews.Mutations;

/// <summary>
/// The review mutations, EDITOR or ADMIN: write, publish, unpublish, schedule, delete, restore a
/// revision. Each maps its input to one operation of <c>Reviews/Editing</c>.
/// </summary>
public sealed class ReviewMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        Add<CreateReviewInputType, CreateReview, CreateReviewInput>(mutation, "createReview",
            "Writes a new review of a film, as a draft that only editors see until it is published. Needs EDITOR.", "The new review.");
        Add<UpdateReviewInputType, UpdateReview, UpdateReviewInput>(mutation, "updateReview",
            "Changes a review's text, headline, slug, byline, verdict or film; a published review stays published. Sending only what is already there changes nothing (no new version). Needs EDITOR.",
            "The changes.");
        Add<PublishReviewInputType, PublishReview, ReviewVersionInput>(mutation, "publishReview",
            "Makes a review public. `publishedAt` is set the first time only: publishing again after unpublishing keeps the first date. Needs EDITOR.",
            "The review to publish.");
        Add<UnpublishReviewInputType, UnpublishReview, ReviewVersionInput>(mutation, "unpublishReview",
            "Returns a review to draft: the public no longer sees it; `publishedAt` is kept. Cancels a schedule too. Needs EDITOR.", "The review to unpublish.");
        Add<ScheduleReviewInputType, ScheduleReview, ScheduleReviewInput>(mutation, "scheduleReview",
            "Schedules a draft to be published at `publishAt` (a future instant); it is SCHEDULED and editors-only until then, and `publishedAt` will be that instant. Scheduling again moves the date; `publishReview` publishes at once; `unpublishReview` cancels. Needs EDITOR.",
            "The review and when to publish it.");
        Add<DeleteReviewInputType, DeleteReview, ReviewVersionInput>(mutation, "deleteReview",
            "Deletes a review and every comment on it. Needs EDITOR.", "The review to delete.");
        Add<RestoreReviewRevisionInputType, RestoreReviewRevision, RestoreReviewRevisionInput>(mutation, "restoreReviewRevision",
            "Brings back the headline, slug, byline, text, verdict and film of one of the review's `revisions`, recorded as a new revision (when that changes anything). Status and `publishedAt` stay as they are. Needs EDITOR.",
            "The review and the revision to restore.");
    }

    private static void Add<TInputType, TOperation, TInput>(MutationType mutation, string name, string description, string inputDescription)
        where TInputType : IInputObjectGraphType where TOperation : IEditOperation<TInput, Review> =>
        mutation.Field<PayloadType<ReviewType, Review>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input", inputDescription)
            .AuthorizeWithRoles(Roles.Editor)
            .ResolvesWith<TOperation, TInput, Review>();
}
