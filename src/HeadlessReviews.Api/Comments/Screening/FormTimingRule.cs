using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// Bots post the instant they load the page. No token at all is only noted: API clients and cached
/// pages lack one, so on its own it neither holds nor condemns a comment.
/// </summary>
public sealed class FormTimingRule(IOptions<ScreeningSettings> settings) : IScreeningRule
{
    public const string NoTokenReason = "no comment token";

    public ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var elapsed = submission.TimeSinceFormIssued;
        var minimum = settings.Value.MinTimeToPost;
        ScreeningFinding? finding =
            elapsed is null ? new ScreeningFinding(SpamVerdict.Ham, NoTokenReason) :
            elapsed < minimum ? ScreeningFinding.Spam($"posted {elapsed.Value.TotalSeconds:0.#} s after the form was issued (minimum {minimum.TotalSeconds:0.#} s)") :
            null;
        return ValueTask.FromResult(finding);
    }
}
