using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>Changes to a review at the version they are based on: fields left out stay as they are.</summary>
public sealed class UpdateReviewInput : ReviewFields
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>The fields given, checked together; a revision naming the ones that changed.</summary>
public sealed class UpdateReview(ReviewEdits edits, ReviewEditor editor) : IEditOperation<UpdateReviewInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(UpdateReviewInput input, CancellationToken cancellationToken)
    {
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure;

        var checks = new InputChecks();
        var changed = await editor.ApplyAsync(review!, input, checks, cancellationToken);
        if (checks.Failed) return EditResult<Review>.Failure(checks.Errors);
        // Nothing to change is not a change: no new version, no empty revision in the history.
        if (changed.Count == 0) return EditResult<Review>.Success(review!);

        review!.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, ReviewRevisionAction.Updated, changed, cancellationToken);
    }
}
