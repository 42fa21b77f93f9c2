using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>A comment that is nothing but a link says nothing about the review.</summary>
public sealed partial class UrlOnlyBodyRule : IScreeningRule
{
    public ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken) =>
        ValueTask.FromResult(UrlOnly().IsMatch(submission.Body) ? ScreeningFinding.Spam("body is only a link") : null);

    [GeneratedRegex(@"^\s*(?:(?:https?://|www\.)\S+\s*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlOnly();
}
