using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary><c>updateReview</c>: the fields sent, checked together; a revision naming the ones that changed.</summary>
public static class UpdateReview
{
    public static async Task<Payload<Review>> HandleAsync(IServiceProvider services, UpdateReviewInput input, CancellationToken cancellationToken)
    {
        var edits = services.GetRequiredService<ReviewEdits>();
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, input.ClientMutationId, cancellationToken);
        if (failure is not null) return failure;

        var checks = new InputChecks();
        var changed = await services.GetRequiredService<ReviewEditor>().ApplyAsync(review!, input, checks, cancellationToken);
        if (checks.Failed) return Payload<Review>.Failure(input.ClientMutationId, checks.Errors);
        // Nothing to change is not a change: no new version, no empty revision in the history.
        if (changed.Count == 0) return Payload<Review>.Success(input.ClientMutationId, review!);

        review!.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, input.ClientMutationId, ReviewRevisionAction.Updated, changed, cancellationToken);
    }
}
