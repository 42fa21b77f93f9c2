using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// A review as another system kept it: its fields, where it stood there (draft, scheduled or published) and when it
/// was published. Without <see cref="Id"/> a new review is made; with it, that review (at <see cref="ExpectedVersion"/>)
/// is brought up to date with the fields given.
/// </summary>
public sealed class ImportReviewInput : ReviewFields
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;
    /// <summary>When it was published there; required for <see cref="ReviewStatus.Published"/>.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>When it is to be published; required for <see cref="ReviewStatus.Scheduled"/>. A time already past publishes it on the scheduler's next round.</summary>
    public DateTimeOffset? PublishAt { get; set; }
    /// <summary>When it was first written there; now when unknown.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
    /// <summary>Slugs it had there before (WordPress's <c>_wp_old_slug</c>): they keep finding it, unless another review holds one.</summary>
    public List<string> PreviousSlugs { get; set; } = [];
}

/// <summary>
/// Stores a review brought from another system, for a trusted caller (the importer), never an editor: the fields are
/// checked by <see cref="ReviewEditor"/> as an editor's are and recorded as an <see cref="ReviewRevisionAction.Imported"/>
/// revision, but the status and publication date are the source's. An import is history, not news: a review
/// imported as published does not fire <c>reviewPublished</c>; one imported as scheduled is published by
/// <see cref="ScheduledPublishing"/> when due, and subscribers hear of it then.
/// </summary>
public sealed class ImportReview(ReviewEdits edits, ReviewEditor editor) : IEditOperation<ImportReviewInput, Review>
{
    public async Task<EditResult<Review>> HandleAsync(ImportReviewInput input, CancellationToken cancellationToken)
    {
        var now = edits.Now;
        Review review;
        var expectedVersion = 0;
        if (input.Id is null)
        {
            var created = input.CreatedAt is { } at ? Storage.StoredTime.ToStored(at) : now;
            review = new Review { Id = Guid.NewGuid(), Status = ReviewStatus.Draft, CreatedAt = created, UpdatedAt = now };
        }
        else
        {
            var (found, failure) = await edits.FindAsync(input.Id, input.ExpectedVersion, cancellationToken);
            if (failure is not null) return failure;
            review = found!;
            expectedVersion = input.ExpectedVersion!.Value;
        }

        var checks = new InputChecks();
        var changed = (await editor.ApplyAsync(review, input, checks, cancellationToken)).ToList();
        ApplyStatus(review, input, checks, changed);
        await AddPreviousSlugsAsync(review, input.PreviousSlugs, changed, cancellationToken);
        if (checks.Failed) return EditResult<Review>.Failure(checks.Errors);
        if (expectedVersion > 0 && changed.Count == 0) return EditResult<Review>.Success(review);

        review.UpdatedAt = now;
        return await edits.SaveAsync(review, expectedVersion, ReviewRevisionAction.Imported, changed, cancellationToken);
    }

    private static void ApplyStatus(Review review, ImportReviewInput input, InputChecks checks, List<string> changed)
    {
        DateTimeOffset? publishedAt = null, publishAt = null;
        switch (input.Status)
        {
            case ReviewStatus.Published when input.PublishedAt is null:
                checks.Add("publishedAt", UserErrorCode.Required, "A published review needs `publishedAt`.");
                return;
            case ReviewStatus.Published:
                publishedAt = Storage.StoredTime.ToStored(input.PublishedAt.Value);
                break;
            case ReviewStatus.Scheduled when input.PublishAt is null:
                checks.Add("publishAt", UserErrorCode.Required, "A scheduled review needs `publishAt`.");
                return;
            case ReviewStatus.Scheduled:
                publishAt = Storage.StoredTime.ToStored(input.PublishAt.Value);
                break;
            case ReviewStatus.Archived:
                checks.Add("status", UserErrorCode.InvalidState, "An import brings drafts, scheduled and published reviews.");
                return;
        }
        if (review.Status != input.Status) { review.Status = input.Status; changed.Add("status"); }
        if (review.PublishedAt != publishedAt) { review.PublishedAt = publishedAt; changed.Add("publishedAt"); }
        if (review.PublishAt != publishAt) { review.PublishAt = publishAt; changed.Add("publishAt"); }
    }

    private async Task AddPreviousSlugsAsync(Review review, List<string> slugs, List<string> changed, CancellationToken cancellationToken)
    {
        var added = false;
        foreach (var slug in slugs.Distinct(StringComparer.Ordinal))
        {
            if (slug == review.Slug || review.PreviousSlugs.Contains(slug) || !Slugs.IsValid(slug)) continue;
            if (await ReviewSlugs.IsTakenAsync(edits.Session, slug, review.Id, cancellationToken)) continue;
            review.PreviousSlugs.Add(slug);
            added = true;
        }
        if (added) changed.Add("previousSlugs");
    }
}
