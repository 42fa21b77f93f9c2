using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary><c>createReview</c>: a new draft, its first revision recorded with it.</summary>
public static class CreateReview
{
    public static async Task<Payload<Review>> HandleAsync(IServiceProvider services, CreateReviewInput input, CancellationToken cancellationToken)
    {
        var edits = services.GetRequiredService<ReviewEdits>();
        var now = edits.Now;
        var review = new Review { Id = Guid.NewGuid(), Status = ReviewStatus.Draft, CreatedAt = now, UpdatedAt = now };
        var checks = new InputChecks();
        var changed = await services.GetRequiredService<ReviewEditor>().ApplyAsync(review, input, checks, cancellationToken);
        if (checks.Failed) return Payload<Review>.Failure(input.ClientMutationId, checks.Errors);

        return await edits.SaveAsync(review, expectedVersion: 0, input.ClientMutationId, ReviewRevisionAction.Created, changed, cancellationToken);
    }
}
