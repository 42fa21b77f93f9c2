namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Everything screening may look at for one comment being posted.</summary>
/// <param name="ClientAddress">The poster's IP address (after trusted proxies), if known.</param>
/// <param name="HoneypotFilled">The form's hidden field, which people never see, had text in it.</param>
/// <param name="TimeSinceFormIssued">Time from the review page's <c>commentToken</c> being issued to posting; null when no valid token came with the comment.</param>
/// <param name="Permalink">Where the review lives, for remote checkers.</param>
public sealed record CommentSubmission(
    Guid ReviewId,
    string AuthorName,
    string AuthorEmail,
    string? AuthorUrl,
    string Body,
    string? ClientAddress,
    string? UserAgent,
    string? Referrer,
    bool HoneypotFilled,
    TimeSpan? TimeSinceFormIssued,
    string? Permalink);
