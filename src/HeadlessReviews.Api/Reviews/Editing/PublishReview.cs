using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Reviews.Subscriptions;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary><c>publishReview</c> and <c>unpublishReview</c>: the review's status, and its first publication date.</summary>
public static class PublishReview
{
    public static async Task<Payload<Review>> PublishAsync(IServiceProvider services, ReviewVersionInput input, CancellationToken cancellationToken)
    {
        var edits = services.GetRequiredService<ReviewEdits>();
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, input.ClientMutationId, cancellationToken);
        if (failure is not null) return failure;
        if (review!.IsPublished) return AlreadyThere(input, review, "The review is already published.");

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
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, input.ClientMutationId, ReviewRevisionAction.Published, changed, cancellationToken);
    }

    public static async Task<Payload<Review>> UnpublishAsync(IServiceProvider services, ReviewVersionInput input, CancellationToken cancellationToken)
    {
        var edits = services.GetRequiredService<ReviewEdits>();
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, input.ClientMutationId, cancellationToken);
        if (failure is not null) return failure;
        if (review!.Status == ReviewStatus.Draft) return AlreadyThere(input, review, "The review is a draft already.");

        // publishedAt stays: it records the first publication, and a later re-publish keeps it.
        review.Status = ReviewStatus.Draft;
        review.PublishAt = null;
        review.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, input.ClientMutationId, ReviewRevisionAction.Unpublished, ["status"], cancellationToken);
    }

    private static Payload<Review> AlreadyThere(ReviewVersionInput input, Review review, string message) =>
        Payload<Review>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.InvalidState, message)], review);
}
