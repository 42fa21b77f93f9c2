using System.Diagnostics;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Tests.Comments.Screening;

/// <summary>The remote checker against <see cref="FakeAkismet"/> on loopback, built directly from its settings.</summary>
public sealed class AkismetCheckerTests : IAsyncLifetime
{
    private FakeAkismet _server = null!;

    public async Task InitializeAsync() => _server = await FakeAkismet.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AkismetSettings Settings(Action<AkismetSettings>? change = null)
    {
        var settings = new AkismetSettings
        {
            Key = "test-key",
            BaseUrl = _server.BaseUrl,
            // Roomy, so a busy machine (the whole suite runs in parallel) never turns an answer into a
            // timeout; the test of timeouts sets its own.
            TotalBudget = TimeSpan.FromSeconds(6),
            AttemptTimeout = TimeSpan.FromSeconds(2),
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(20),
        };
        change?.Invoke(settings);
        return settings;
    }

    private static AkismetChecker Checker(AkismetSettings settings)
    {
        var options = Options.Create(settings);
        return new AkismetChecker(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new AkismetPipeline(options, TimeProvider.System), options, NullLogger<AkismetChecker>.Instance);
    }

    private static Task<ScreeningResult> CheckAsync(AkismetChecker checker) => checker.CheckAsync(Submissions.Reader(), CancellationToken.None);

    [Theory]
    [InlineData("true", SpamVerdict.Spam, "spam checker says spam")]
    [InlineData("false", SpamVerdict.Ham, null)]
    [InlineData("invalid", SpamVerdict.Unsure, "spam checker answered nonsense")]
    [InlineData("", SpamVerdict.Unsure, "spam checker answered nonsense")]
    public async Task Answers_become_verdicts(string answer, SpamVerdict verdict, string? reason)
    {
        _server.Answer = answer;
        var result = await CheckAsync(Checker(Settings()));
        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(reason is null ? [] : [reason], result.Reasons);
        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task The_comment_goes_as_an_akismet_form()
    {
        await CheckAsync(Checker(Settings()));
        var form = Assert.Single(_server.Forms);
        Assert.Equal("test-key", form["api_key"]);
        Assert.Equal("https://reviews.example", form["blog"]);
        Assert.Equal("203.0.113.7", form["user_ip"]);
        Assert.Equal("comment", form["comment_type"]);
        Assert.Equal("Wallace", form["comment_author"]);
        Assert.Equal("wallace@example.org", form["comment_author_email"]);
        Assert.Equal(Submissions.Reader().Body, form["comment_content"]);
        Assert.Equal("https://reviews.example/reviews/the-wrong-trousers", form["permalink"]);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        var checker = Checker(Settings(s => s.Key = null));
        Assert.False(checker.IsEnabled);
        Assert.Equal(SpamVerdict.Ham, (await CheckAsync(checker)).Verdict);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task A_slow_checker_is_unsure_within_the_budget()
    {
        _server.Delay = TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        var result = await CheckAsync(Checker(Settings(s =>
        {
            s.TotalBudget = TimeSpan.FromSeconds(1.5);
            s.AttemptTimeout = TimeSpan.FromMilliseconds(400);
        })));
        Assert.Equal(new ScreeningResult(SpamVerdict.Unsure, ["spam checker too slow"]).Reasons, result.Reasons);
        Assert.Equal(SpamVerdict.Unsure, result.Verdict);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task A_failing_checker_is_retried_then_unsure()
    {
        _server.Failing = true;
        var result = await CheckAsync(Checker(Settings()));
        Assert.Equal(SpamVerdict.Unsure, result.Verdict);
        Assert.Equal(["spam checker failed"], result.Reasons);
        Assert.Equal(3, _server.Requests);
    }

    [Fact]
    public async Task A_checker_that_is_not_there_is_unsure()
    {
        var settings = Settings();
        await _server.DisposeAsync();
        _server = await FakeAkismet.StartAsync();
        var result = await CheckAsync(Checker(settings));
        Assert.Equal(SpamVerdict.Unsure, result.Verdict);
    }

    [Fact]
    public async Task A_flapping_checker_answers_on_the_retry()
    {
        _server.Flapping = true;
        var result = await CheckAsync(Checker(Settings()));
        Assert.Equal(SpamVerdict.Ham, result.Verdict);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task The_circuit_opens_after_failures_answers_fast_then_closes_after_the_break()
    {
        var checker = Checker(Settings(s =>
        {
            s.MaxRetries = 0;
            s.BreakerMinimumCalls = 2;
            s.BreakerFailureRatio = 0.5;
            s.BreakerSampling = TimeSpan.FromSeconds(30);
            s.BreakDuration = TimeSpan.FromSeconds(1);
        }));
        _server.Failing = true;
        Assert.Equal(["spam checker failed"], (await CheckAsync(checker)).Reasons);
        Assert.Equal(["spam checker failed"], (await CheckAsync(checker)).Reasons);
        Assert.Equal(2, _server.Requests);

        // Open: answered at once, the server never asked.
        _server.Failing = false;
        var clock = Stopwatch.StartNew();
        var open = await CheckAsync(checker);
        Assert.Equal(SpamVerdict.Unsure, open.Verdict);
        Assert.Equal(["spam checker unavailable (circuit open)"], open.Reasons);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(2, _server.Requests);

        // After the break a trial call goes through, succeeds, and closes the circuit.
        await Task.Delay(TimeSpan.FromSeconds(1.3)); // the break being over is the behaviour under test
        Assert.Equal(SpamVerdict.Ham, (await CheckAsync(checker)).Verdict);
        Assert.Equal(SpamVerdict.Ham, (await CheckAsync(checker)).Verdict);
        Assert.Equal(4, _server.Requests);
    }

    [Fact]
    public void The_check_url_keeps_a_base_path() =>
        Assert.Equal("http://127.0.0.1:5000/akismet/1.1/comment-check", AkismetChecker.CommentCheckUrl(new Uri("http://127.0.0.1:5000/akismet")).AbsoluteUri);
}
