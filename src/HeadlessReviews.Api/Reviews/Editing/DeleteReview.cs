using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>Deletes a review and its comments, at the version the editor saw.</summary>
public sealed class DeleteReview(ReviewEdits edits) : IEditOperation<ReviewVersionInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(ReviewVersionInput input, CancellationToken cancellationToken)
    {
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure;

        return await edits.DeleteAsync(review!, input.ExpectedVersion!.Value, cancellationToken);
    }
}
