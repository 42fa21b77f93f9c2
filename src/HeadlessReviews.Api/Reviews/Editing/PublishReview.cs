using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Reviews.Subscriptions;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// Makes a review public, and dates its first publication. Subscribers hear <c>reviewPublished</c> and
/// webhook receivers <c>review.changed</c>, both only if it commits, and neither when the scope's
/// <see cref="ChangeAnnouncer"/> is quiet. The scheduler publishes through this too.
/// </summary>
public sealed class PublishReview(ReviewEdits edits) : IEditOperation<ReviewVersionInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(ReviewVersionInput input, CancellationToken cancellationToken)
    {
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure;
        if (review!.IsPublished) return EditResult<Review>.Failure(UserError.At("id", UserErrorCode.InvalidState, "The review is already published."), review);

        List<string> changed = ["status"];
        var scheduledFor = review.Status == ReviewStatus.Scheduled ? review.PublishAt : null;
        review.Status = ReviewStatus.Published;
        review.PublishAt = null; // published now: a schedule no longer applies
        review.UpdatedAt = edits.Now;
        if (review.PublishedAt is null)
        {
            // A scheduled review is dated when it was announced for, however late in its round the job ran.
            review.PublishedAt = scheduledFor is { } at && at <= review.UpdatedAt ? at : review.UpdatedAt;
            changed.Add("publishedAt");
        }
        // In the same transaction as the change: subscribers hear of it only if it commits.
        ReviewPublished.Publish(edits.Announcer, edits.Session, review);
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, ReviewRevisionAction.Published, changed, cancellationToken);
    }
}
