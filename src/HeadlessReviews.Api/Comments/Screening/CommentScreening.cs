namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// The local rules one after another (they share the request's session), then, unless they already
/// found spam, the remote checker; the worst verdict wins and every reason is kept.
/// </summary>
public sealed class CommentScreening(IEnumerable<IScreeningRule> rules, IRemoteSpamChecker remote) : ICommentScreening
{
    public async Task<ScreeningResult> ScreenAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var findings = new List<ScreeningFinding>();
        foreach (var rule in rules)
            if (await rule.EvaluateAsync(submission, cancellationToken).ConfigureAwait(false) is { } finding)
                findings.Add(finding);
        var local = ScreeningVerdicts.Combine(findings);
        if (local.Verdict == SpamVerdict.Spam || !remote.IsEnabled) return ScreeningMetrics.Counted(local);

        var second = await remote.CheckAsync(submission, cancellationToken).ConfigureAwait(false);
        return ScreeningMetrics.Counted(new ScreeningResult(ScreeningVerdicts.Worst(local.Verdict, second.Verdict), [.. local.Reasons, .. second.Reasons]));
    }
}
