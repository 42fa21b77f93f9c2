namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// One change to a review, appended to the review's event stream (stream id = review id) in the
/// transaction that saves the review, so history and document never disagree.
/// </summary>
/// <param name="Version">The review's <c>version</c> after the change.</param>
/// <param name="ChangedFields">Names of the fields the change touched, as the GraphQL inputs spell them.</param>
/// <param name="State">The review as it was after the change.</param>
/// <param name="RestoredFrom">For a restore: the revision number whose state was brought back.</param>
public sealed record ReviewRevised(
    ReviewRevisionAction Action,
    string By,
    DateTimeOffset At,
    int Version,
    IReadOnlyList<string> ChangedFields,
    ReviewSnapshot State,
    int? RestoredFrom = null);

/// <summary>The end of a review's history: who deleted it and when (the stream stays, for the record).</summary>
public sealed record ReviewDeleted(string By, DateTimeOffset At, string Slug);

public enum ReviewRevisionAction
{
    Created,
    Updated,
    Published,
    Unpublished,
    Restored,
    Scheduled,
    /// <summary>Brought in (or brought up to date) from another system by an import.</summary>
    Imported,
}

/// <summary>A review's editable fields plus where it stood (status, first publication) at one revision.</summary>
public sealed record ReviewSnapshot(
    Guid FilmId,
    string Headline,
    string Slug,
    string Byline,
    string BodyMarkdown,
    Verdict Verdict,
    ReviewStatus Status,
    DateTimeOffset? PublishedAt)
{
    public static ReviewSnapshot Of(Review review) => new(
        review.FilmId, review.Headline, review.Slug, review.Byline, review.Body.Markdown, review.Verdict, review.Status, review.PublishedAt);
}
