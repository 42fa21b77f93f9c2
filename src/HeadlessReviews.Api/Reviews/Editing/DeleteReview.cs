using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary><c>deleteReview</c>: the review and its comments, at the version the editor saw.</summary>
public static class DeleteReview
{
    public static async Task<Payload<Review>> HandleAsync(IServiceProvider services, ReviewVersionInput input, CancellationToken cancellationToken)
    {
        var edits = services.GetRequiredService<ReviewEdits>();
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, input.ClientMutationId, cancellationToken);
        if (failure is not null) return failure;

        return await edits.DeleteAsync(review!, input.ExpectedVersion!.Value, input.ClientMutationId, cancellationToken);
    }
}
