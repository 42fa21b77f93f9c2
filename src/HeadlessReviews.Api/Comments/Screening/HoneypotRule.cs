namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>People never see the hidden form field; only form-filling bots write in it.</summary>
public sealed class HoneypotRule : IScreeningRule
{
    public ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken) =>
        ValueTask.FromResult(submission.HoneypotFilled ? ScreeningFinding.Spam("hidden honeypot field filled") : null);
}
