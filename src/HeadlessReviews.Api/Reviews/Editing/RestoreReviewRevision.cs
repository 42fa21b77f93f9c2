using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// <c>restoreReviewRevision</c>: the editable fields of a recorded revision, applied like an update
/// (checked again: the film may be gone, the slug taken since) and recorded as a new revision.
/// </summary>
public static class RestoreReviewRevision
{
    public static async Task<Payload<Review>> HandleAsync(IServiceProvider services, RestoreReviewRevisionInput input, CancellationToken cancellationToken)
    {
        var edits = services.GetRequiredService<ReviewEdits>();
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, input.ClientMutationId, cancellationToken);
        if (failure is not null) return failure;

        var revision = input.Revision is { } number and > 0 ? await RevisionAsync(edits, review!.Id, number, cancellationToken) : null;
        if (revision is null)
            return Payload<Review>.Failure(input.ClientMutationId, [UserError.At("revision", UserErrorCode.NotFound, $"The review has no revision {input.Revision}.")]);

        var checks = new InputChecks();
        var changed = await services.GetRequiredService<ReviewEditor>().ApplyAsync(review!, ReviewFields.From(revision.State), checks, cancellationToken);
        if (checks.Failed) return Payload<Review>.Failure(input.ClientMutationId, checks.Errors);
        if (changed.Count == 0) return Payload<Review>.Success(input.ClientMutationId, review!);

        review!.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, input.ClientMutationId, ReviewRevisionAction.Restored, changed, cancellationToken, restoredFrom: input.Revision);
    }

    private static async Task<ReviewRevised?> RevisionAsync(ReviewEdits edits, Guid reviewId, int number, CancellationToken cancellationToken)
    {
        var events = await edits.Session.Events.FetchStreamAsync(reviewId, version: number, fromVersion: number, token: cancellationToken);
        return events.FirstOrDefault(e => e.Version == number)?.Data as ReviewRevised;
    }
}
