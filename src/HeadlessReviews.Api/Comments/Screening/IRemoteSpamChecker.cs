namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>A second opinion from outside. Never throws for a slow or failing service: it answers Unsure with the reason.</summary>
public interface IRemoteSpamChecker
{
    bool IsEnabled { get; }

    Task<ScreeningResult> CheckAsync(CommentSubmission submission, CancellationToken cancellationToken);
}
