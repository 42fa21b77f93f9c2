using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>The review mutations, EDITOR or ADMIN: write, publish, unpublish, delete, restore a revision.</summary>
public sealed class ReviewMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        Add<CreateReviewInputType, CreateReviewInput>(mutation, "createReview",
            "Writes a new review of a film, as a draft that only editors see until it is published. Needs EDITOR.", "The new review.", CreateReview.HandleAsync);
        Add<UpdateReviewInputType, UpdateReviewInput>(mutation, "updateReview",
            "Changes a review's text, headline, slug, byline, verdict or film; a published review stays published. Sending only what is already there changes nothing (no new version). Needs EDITOR.",
            "The changes.", UpdateReview.HandleAsync);
        Add<PublishReviewInputType, ReviewVersionInput>(mutation, "publishReview",
            "Makes a review public. `publishedAt` is set the first time only: publishing again after unpublishing keeps the first date. Needs EDITOR.",
            "The review to publish.", PublishReview.PublishAsync);
        Add<UnpublishReviewInputType, ReviewVersionInput>(mutation, "unpublishReview",
            "Returns a review to draft: the public no longer sees it; `publishedAt` is kept. Cancels a schedule too. Needs EDITOR.", "The review to unpublish.", PublishReview.UnpublishAsync);
        Add<ScheduleReviewInputType, ScheduleReviewInput>(mutation, "scheduleReview",
            "Schedules a draft to be published at `publishAt` (a future instant); it is SCHEDULED and editors-only until then, and `publishedAt` will be that instant. Scheduling again moves the date; `publishReview` publishes at once; `unpublishReview` cancels. Needs EDITOR.",
            "The review and when to publish it.", ScheduleReview.HandleAsync);
        Add<DeleteReviewInputType, ReviewVersionInput>(mutation, "deleteReview",
            "Deletes a review and every comment on it. Needs EDITOR.", "The review to delete.", DeleteReview.HandleAsync);
        Add<RestoreReviewRevisionInputType, RestoreReviewRevisionInput>(mutation, "restoreReviewRevision",
            "Brings back the headline, slug, byline, text, verdict and film of one of the review's `revisions`, recorded as a new revision (when that changes anything). Status and `publishedAt` stay as they are. Needs EDITOR.",
            "The review and the revision to restore.", RestoreReviewRevision.HandleAsync);
    }

    private static void Add<TInputType, TInput>(MutationType mutation, string name, string description, string inputDescription,
        Func<IServiceProvider, TInput, CancellationToken, Task<Payload<Review>>> handle) where TInputType : IInputObjectGraphType =>
        mutation.Field<PayloadType<ReviewType, Review>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input", inputDescription)
            .AuthorizeWithRoles(Roles.Editor)
            .ResolveAsync(async context => await handle(context.RequestServices!, context.GetArgument<TInput>("input"), context.CancellationToken));
}
