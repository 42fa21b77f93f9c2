using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>Returns a review to draft (cancelling a schedule too); its first publication date stays.</summary>
public sealed class UnpublishReview(ReviewEdits edits) : IEditOperation<ReviewVersionInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(ReviewVersionInput input, CancellationToken cancellationToken)
    {
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure;
        if (review!.Status == ReviewStatus.Draft) return EditResult<Review>.Failure(UserError.At("id", UserErrorCode.InvalidState, "The review is a draft already."), review);

        // publishedAt stays: it records the first publication, and a later re-publish keeps it.
        review.Status = ReviewStatus.Draft;
        review.PublishAt = null;
        review.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, ReviewRevisionAction.Unpublished, ["status"], cancellationToken);
    }
}
