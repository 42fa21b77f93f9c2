using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>A review and the future instant to publish it at.</summary>
public sealed class ScheduleReviewInput : ReviewVersionInput
{
    public DateTimeOffset? PublishAt { get; set; }
}

/// <summary>
/// A draft (or an already scheduled review) becomes SCHEDULED with a future <c>publishAt</c>;
/// <see cref="ScheduledPublishing"/> publishes it then. Editors see it meanwhile, the public does not;
/// <see cref="PublishReview"/> publishes it at once and <see cref="UnpublishReview"/> cancels.
/// </summary>
public sealed class ScheduleReview(ReviewEdits edits) : IEditOperation<ScheduleReviewInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(ScheduleReviewInput input, CancellationToken cancellationToken)
    {
        if (input.PublishAt is not { } publishAt || publishAt <= edits.Now)
            return EditResult<Review>.Failure(UserError.At("publishAt", UserErrorCode.OutOfRange, "`publishAt` must be in the future."));

        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure;
        if (review!.IsPublished)
            return EditResult<Review>.Failure(UserError.At("id", UserErrorCode.InvalidState, "The review is published already; unpublish it first to schedule it."), review);

        List<string> changed = [];
        if (review.Status != ReviewStatus.Scheduled) changed.Add("status");
        if (review.PublishAt != publishAt) changed.Add("publishAt");
        if (changed.Count == 0) return EditResult<Review>.Success(review);

        review.Status = ReviewStatus.Scheduled;
        review.PublishAt = publishAt;
        review.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, ReviewRevisionAction.Scheduled, changed, cancellationToken);
    }
}
