using HeadlessReviews.Api.Comments.Screening;

namespace HeadlessReviews.Tests.Comments.Screening;

public sealed class CommentScreeningTests
{
    private sealed class FixedRule(ScreeningFinding? finding) : IScreeningRule
    {
        public ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken) => ValueTask.FromResult(finding);
    }

    private sealed class FixedRemote(SpamVerdict verdict, bool enabled = true) : IRemoteSpamChecker
    {
        public int Calls { get; private set; }
        public bool IsEnabled => enabled;

        public Task<ScreeningResult> CheckAsync(CommentSubmission submission, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new ScreeningResult(verdict, verdict == SpamVerdict.Ham ? [] : [$"remote {verdict}"]));
        }
    }

    private static async Task<ScreeningResult> ScreenAsync(ScreeningFinding? local, FixedRemote remote) =>
        await new CommentScreening([new FixedRule(null), new FixedRule(local)], remote).ScreenAsync(Submissions.Reader(), CancellationToken.None);

    [Fact]
    public async Task Local_spam_skips_the_remote_checker()
    {
        var remote = new FixedRemote(SpamVerdict.Ham);
        var result = await ScreenAsync(ScreeningFinding.Spam("honeypot"), remote);
        Assert.Equal(["honeypot"], result.Reasons);
        Assert.Equal(SpamVerdict.Spam, result.Verdict);
        Assert.Equal(0, remote.Calls);
    }

    [Theory]
    [InlineData(null, SpamVerdict.Ham, SpamVerdict.Ham)]
    [InlineData(null, SpamVerdict.Spam, SpamVerdict.Spam)]
    [InlineData(null, SpamVerdict.Unsure, SpamVerdict.Unsure)]
    [InlineData(SpamVerdict.Unsure, SpamVerdict.Ham, SpamVerdict.Unsure)]
    [InlineData(SpamVerdict.Unsure, SpamVerdict.Spam, SpamVerdict.Spam)]
    public async Task Local_and_remote_verdicts_merge_to_the_worst(SpamVerdict? local, SpamVerdict remote, SpamVerdict expected)
    {
        var checker = new FixedRemote(remote);
        var result = await ScreenAsync(local is null ? null : new ScreeningFinding(local.Value, "local"), checker);
        Assert.Equal(expected, result.Verdict);
        Assert.Equal(1, checker.Calls);
    }

    [Fact]
    public async Task Without_a_key_only_local_rules_decide()
    {
        var remote = new FixedRemote(SpamVerdict.Spam, enabled: false);
        Assert.Equal(SpamVerdict.Ham, (await ScreenAsync(null, remote)).Verdict);
        Assert.Equal(0, remote.Calls);
    }
}
