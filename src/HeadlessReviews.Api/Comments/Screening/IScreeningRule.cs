namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>One local check of a comment being posted; null when it finds nothing.</summary>
public interface IScreeningRule
{
    ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken);
}
