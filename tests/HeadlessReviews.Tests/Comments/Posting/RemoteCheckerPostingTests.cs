using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Comments.Posting;

/// <summary>
/// postComment end to end with the remote checker slow, down, flapping or talking nonsense: the
/// comment is always stored, held as PENDING, and the reader gets an answer within the time budget.
/// </summary>
public sealed class RemoteCheckerPostingTests : IAsyncLifetime
{
    private FakeAkismet _checker = null!;
    private string _database = "";
    private ServiceHost _host = null!;
    private GraphQLClient _client = null!;

    public async Task InitializeAsync()
    {
        _checker = await FakeAkismet.StartAsync();
        _database = await ServiceHost.CreateDatabaseAsync();
        _host = new ServiceHost("Development", new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = _database,
            ["HeadlessReviews:SeedDemoData"] = "true",
            ["HeadlessReviews:Akismet:Key"] = "test-key",
            ["HeadlessReviews:Akismet:BaseUrl"] = _checker.BaseUrl.ToString(),
            // Ham from a first-time commenter is shown at once here, so a held comment can only mean the checker failed.
            ["HeadlessReviews:Comments:FirstTimeHam"] = "Approved",
            ["HeadlessReviews:Comments:PostsPerMinute"] = "1000",
            ["HeadlessReviews:Comments:PostsPerHour"] = "1000",
        });
        _client = new GraphQLClient(_host.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _checker.DisposeAsync();
        await ServiceHost.DropDatabaseAsync(_database);
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("down")]
    [InlineData("nonsense")]
    public async Task A_failing_checker_holds_the_comment_and_loses_nothing(string failure)
    {
        _checker.Delay = failure == "slow" ? TimeSpan.FromSeconds(10) : TimeSpan.Zero;
        _checker.Failing = failure == "down";
        _checker.Answer = failure == "nonsense" ? "maybe?" : "false";

        var started = DateTime.UtcNow;
        var (status, id) = await PostAsync($"Checker {failure}: the quiet scenes say the most.");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(8), "posting must not wait for a stuck checker");

        Assert.Equal("PENDING", status);
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = await session.LoadAsync<Comment>(id);
        Assert.NotNull(stored);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Contains(stored.SpamReasons, reason => reason.Length > 0);
    }

    [Fact]
    public async Task A_healthy_checker_decides_ham_and_spam()
    {
        _checker.Answer = "false";
        var (ham, _) = await PostAsync("A healthy checker says this is fine.");
        Assert.Equal("APPROVED", ham);

        _checker.Answer = "true";
        var (spam, spamId) = await PostAsync("A healthy checker calls this spam.");
        Assert.Equal("SPAM", spam);
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(CommentStatus.Spam, (await session.LoadAsync<Comment>(spamId))!.Status);
    }

    private async Task<(string Status, Guid Id)> PostAsync(string body)
    {
        var review = GlobalId.Encode("Review", DemoIds.For("review", "her"));
        var page = await _client.DataAsync($"{{ review(id: \"{review}\") {{ commentToken }} }}");
        // Posted as a person would: a few seconds after the page was served is not needed for the
        // checker path, so the token is left out (screening notes it, it decides nothing).
        var response = await _client.PostAsync(
            "mutation($input: PostCommentInput!) { postComment(input: $input) { status comment { id } errors { code message } } }",
            new { input = new { reviewId = review, authorName = "Checker Test", authorEmail = $"checker-{Guid.NewGuid():N}@example.org", body } });
        Assert.NotNull(page["review"]!["commentToken"]);
        Assert.True(response.Errors is null, response.Body);
        var payload = response.Data!["postComment"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        GlobalId.TryDecode(payload["comment"]!["id"]!.GetValue<string>(), out _, out var id);
        return (payload["status"]!.GetValue<string>(), id);
    }
}
