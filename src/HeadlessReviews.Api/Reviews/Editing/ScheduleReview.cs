using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// <c>scheduleReview</c>: a draft (or an already scheduled review) becomes SCHEDULED with a future
/// <c>publishAt</c>; <see cref="ScheduledPublishing"/> publishes it then. Editors see it meanwhile, the
/// public does not; <c>publishReview</c> publishes it at once and <c>unpublishReview</c> cancels.
/// </summary>
public static class ScheduleReview
{
    public static async Task<Payload<Review>> HandleAsync(IServiceProvider services, ScheduleReviewInput input, CancellationToken cancellationToken)
    {
        var edits = services.GetRequiredService<ReviewEdits>();
        if (input.PublishAt is not { } publishAt || publishAt <= edits.Now)
            return Payload<Review>.Failure(input.ClientMutationId, [UserError.At("publishAt", UserErrorCode.OutOfRange, "`publishAt` must be in the future.")]);

        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, input.ClientMutationId, cancellationToken);
        if (failure is not null) return failure;
        if (review!.IsPublished)
            return Payload<Review>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.InvalidState, "The review is published already; unpublish it first to schedule it.")], review);

        List<string> changed = [];
        if (review.Status != ReviewStatus.Scheduled) changed.Add("status");
        if (review.PublishAt != publishAt) changed.Add("publishAt");
        if (changed.Count == 0) return Payload<Review>.Success(input.ClientMutationId, review);

        review.Status = ReviewStatus.Scheduled;
        review.PublishAt = publishAt;
        review.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, input.ClientMutationId, ReviewRevisionAction.Scheduled, changed, cancellationToken);
    }
}
