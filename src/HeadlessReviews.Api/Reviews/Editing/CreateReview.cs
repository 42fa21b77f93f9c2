using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>A new review of a film; it starts as a draft.</summary>
public sealed class CreateReviewInput : ReviewFields;

/// <summary>Writes a new draft, its first revision recorded with it.</summary>
public sealed class CreateReview(ReviewEdits edits, ReviewEditor editor) : IEditOperation<CreateReviewInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(CreateReviewInput input, CancellationToken cancellationToken)
    {
        var now = edits.Now;
        var review = new Review { Id = Guid.NewGuid(), Status = ReviewStatus.Draft, CreatedAt = now, UpdatedAt = now };
        var checks = new InputChecks();
        var changed = await editor.ApplyAsync(review, input, checks, cancellationToken);
        if (checks.Failed) return EditResult<Review>.Failure(checks.Errors);

        return await edits.SaveAsync(review, expectedVersion: 0, ReviewRevisionAction.Created, changed, cancellationToken);
    }
}
