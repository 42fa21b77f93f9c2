using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>A review and the number of the revision whose fields to bring back.</summary>
public sealed class RestoreReviewRevisionInput : ReviewVersionInput
{
    public int? Revision { get; set; }
}

/// <summary>
/// The editable fields of a recorded revision, applied like an update (checked again: the film may be
/// gone, the slug taken since) and recorded as a new revision.
/// </summary>
public sealed class RestoreReviewRevision(ReviewEdits edits, ReviewEditor editor) : IEditOperation<RestoreReviewRevisionInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(RestoreReviewRevisionInput input, CancellationToken cancellationToken)
    {
        var (review, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, cancellationToken);
        if (failure is not null) return failure;

        var revision = input.Revision is { } number and > 0 ? await RevisionAsync(review!.Id, number, cancellationToken) : null;
        if (revision is null)
            return EditResult<Review>.Failure(UserError.At("revision", UserErrorCode.NotFound, $"The review has no revision {input.Revision}."));

        var checks = new InputChecks();
        var changed = await editor.ApplyAsync(review!, ReviewFields.From(revision.State), checks, cancellationToken);
        if (checks.Failed) return EditResult<Review>.Failure(checks.Errors);
        if (changed.Count == 0) return EditResult<Review>.Success(review!);

        review!.UpdatedAt = edits.Now;
        return await edits.SaveAsync(review, input.ExpectedVersion!.Value, ReviewRevisionAction.Restored, changed, cancellationToken, restoredFrom: input.Revision);
    }

    private async Task<ReviewRevised?> RevisionAsync(Guid reviewId, int number, CancellationToken cancellationToken)
    {
        var events = await edits.Session.Events.FetchStreamAsync(reviewId, version: number, fromVersion: number, token: cancellationToken);
        return events.FirstOrDefault(e => e.Version == number)?.Data as ReviewRevised;
    }
}
