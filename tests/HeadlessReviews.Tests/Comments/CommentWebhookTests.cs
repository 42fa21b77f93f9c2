using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Comments.Subscriptions;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Comments;

/// <summary>
/// Comments announced by their editing operations: a post and a moderator's decision reach webhook
/// receivers; an import stores a comment with the status and spam reasons it is given (readers see and
/// count it by that status), checks its text as a post does, and announces nothing when the caller
/// quiets the scope. On a database of its own, with one webhook endpoint.
/// </summary>
public sealed class CommentWebhookTests : IAsyncLifetime
{
    private const string Secret = "comment-webhook-secret-0123456789";
    private static readonly Guid Her = DemoIds.For("review", "her");

    private readonly WebhookReceiver _receiver = new();
    private string _database = "";
    private Host? _host;

    public async Task InitializeAsync()
    {
        _database = await ServiceHost.CreateDatabaseAsync();
        _host = new Host(_database, _receiver.Url);
        _ = _host.Services;
        // The demo catalogue (its comments too) is announced when it is loaded; the tests look for their own deliveries.
        await _receiver.WaitForAsync(d => d.Event == "comment.changed", TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _receiver.Dispose();
        await ServiceHost.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_posted_comment_and_a_moderators_decision_reach_webhook_receivers()
    {
        var client = new GraphQLClient(_host!.CreateClient());
        var posted = (await client.DataAsync(
            "mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id version } status errors { code } } }",
            new { input = new { reviewId = GlobalId.Encode("Review", Her), authorName = "Webhook Reader", authorEmail = "webhook.reader@example.org", body = "Announced, I hope." } }))["postComment"]!;
        Assert.Empty(posted["errors"]!.AsArray());
        var id = (string)posted["comment"]!["id"]!;
        var status = (string)posted["status"]!;

        var announced = await _receiver.WaitForAsync(d => d.Body.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal("comment.changed", announced.Event);
        var body = JsonNode.Parse(announced.Body)!;
        Assert.Equal(status, (string?)body["node"]!["status"]);
        Assert.Contains($"review-{Her:N}", body["cacheTags"]!.AsArray().Select(tag => (string)tag!));

        var action = status == "APPROVED" ? "TRASH" : "APPROVE";
        var decided = (await client.DataAsync(
            "mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { comment { status } errors { code } } }",
            new { input = new { commentId = id, action, expectedVersion = (int)posted["comment"]!["version"]! } }, ApiFactory.AdminToken))["moderateComment"]!;
        Assert.Empty(decided["errors"]!.AsArray());
        var after = (string)decided["comment"]!["status"]!;
        await _receiver.WaitForAsync(d => d.Body.Contains(id, StringComparison.Ordinal) && d.Body.Contains($"\"{after}\"", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_quiet_import_stores_the_given_status_and_reasons_announces_nothing_and_readers_see_what_the_status_says()
    {
        var services = _host!.Services;
        var bus = services.GetRequiredService<IEventBus>();
        using var visible = bus.Subscribe(CommentBecameVisible.Topic);
        using var queue = bus.Subscribe(ModerationQueueChanged.Topic);
        await services.GetRequiredService<PostgresListener>().Listening;
        var countBefore = await CommentCountAsync();
        var outboxBefore = await OutboxCountAsync();

        var shown = await ImportAsync(quiet: true, Input(CommentStatus.Approved, "Imported and approved."));
        var held = await ImportAsync(quiet: true, Input(CommentStatus.Pending, "Imported and held."));
        // Approved in the old system, but under a held comment: readers do not see it until its parent is approved.
        var hiddenReply = await ImportAsync(quiet: true, Input(CommentStatus.Approved, "A reply under a held comment.", parent: held));
        var spam = Input(CommentStatus.Spam, "Cheap pills.");
        spam.SpamVerdict = SpamVerdict.Spam;
        spam.SpamReasons = ["akismet: spam", "wordpress: marked spam"];
        var spamId = await ImportAsync(quiet: true, spam);

        Assert.Equal(outboxBefore, await OutboxCountAsync());
        Assert.Equal(countBefore + 1, await CommentCountAsync());
        Assert.True(await ReaderSeesAsync(shown));
        Assert.False(await ReaderSeesAsync(held));
        Assert.False(await ReaderSeesAsync(hiddenReply));
        Assert.False(await ReaderSeesAsync(spamId));

        var spamQueue = (await Api().DataAsync("{ moderationQueue(status: SPAM, first: 50) { nodes { id status spamVerdict spamReasons postedAt } } }", token: ApiFactory.AdminToken))["moderationQueue"]!["nodes"]!.AsArray();
        var stored = Assert.Single(spamQueue, node => (string)node!["id"]! == Id(spamId))!;
        Assert.Equal("SPAM", (string?)stored["spamVerdict"]);
        Assert.Equal(["akismet: spam", "wordpress: marked spam"], stored["spamReasons"]!.AsArray().Select(reason => (string)reason!));
        Assert.Equal(spam.PostedAt, DateTimeOffset.Parse((string)stored["postedAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        // A loud import afterwards is announced: NOTIFY keeps commit order, so a quiet one announced would have come first.
        var loud = await ImportAsync(quiet: false, Input(CommentStatus.Approved, "Imported loudly."));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(loud, (await visible.Reader.ReadAsync(timeout.Token)).Message.GetProperty("commentId").GetGuid());
        Assert.False(queue.Reader.TryRead(out _));
        Assert.Equal(outboxBefore + 1, await OutboxCountAsync());
    }

    [Fact]
    public async Task An_import_keeps_what_it_can_and_refuses_what_it_cannot_store()
    {
        // What a source may lack or have wrong is dropped (a reader's post would be refused): an old comment is kept.
        var input = Input(CommentStatus.Approved, "Kept, without the parts that are not right.");
        input.AuthorUrl = "javascript:alert(1)";
        input.AuthorEmail = "not an address";
        input.ParentId = GlobalId.Encode("Comment", DemoIds.For("comment", "arrival-1"));
        var kept = await InScopeAsync(quiet: true, scope => scope.GetRequiredService<ImportComment>().HandleAsync(input, CancellationToken.None));
        Assert.Empty(kept.Errors);
        Assert.Equal("", kept.Document!.AuthorEmail);
        Assert.Null(kept.Document.AuthorUrl);
        // The parent is on another review: the comment starts a thread of its own.
        Assert.Null(kept.Document.ParentId);

        // Text that is nothing once normalised cannot be a comment.
        var empty = await InScopeAsync(quiet: true, scope => scope.GetRequiredService<ImportComment>().HandleAsync(Input(CommentStatus.Approved, "\u200B\u200B"), CancellationToken.None));
        Assert.Null(empty.Document);
        Assert.Equal("body", string.Join('.', Assert.Single(empty.Errors).Field));
    }

    private static ImportCommentInput Input(CommentStatus status, string body, Guid? parent = null) => new()
    {
        ReviewId = GlobalId.Encode("Review", Her),
        ParentId = parent is { } id ? GlobalId.Encode("Comment", id) : null,
        AuthorName = "Imported Reader",
        AuthorEmail = "imported.reader@example.org",
        Body = body,
        Status = status,
        PostedAt = new DateTimeOffset(2015, 3, 1, 12, 30, 15, TimeSpan.Zero),
        ClientAddress = "198.51.100.7",
    };

    private async Task<Guid> ImportAsync(bool quiet, ImportCommentInput input)
    {
        var result = await InScopeAsync(quiet, scope => scope.GetRequiredService<ImportComment>().HandleAsync(input, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Message)));
        Assert.Equal(input.Status, result.Document!.Status);
        return result.Document.Id;
    }

    private async Task<EditResult<Comment>> InScopeAsync(bool quiet, Func<IServiceProvider, Task<EditResult<Comment>>> edit)
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundActor>().ActAs("Importer", Roles.Editor);
        scope.ServiceProvider.GetRequiredService<ChangeAnnouncer>().Quiet = quiet;
        return await edit(scope.ServiceProvider);
    }

    private GraphQLClient Api() => new(_host!.CreateClient());

    private async Task<int> CommentCountAsync() =>
        (int)(await Api().DataAsync("""{ review(slug: "her") { commentCount } }"""))["review"]!["commentCount"]!;

    private async Task<bool> ReaderSeesAsync(Guid comment) =>
        (await Api().DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Id(comment) }))["node"] is not null;

    private async Task<long> OutboxCountAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from public.hr_webhook_outbox", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static string Id(Guid comment) => GlobalId.Encode("Comment", comment);

    private sealed class Host(string database, string receiver) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Reviews", database);
            builder.UseSetting("HeadlessReviews:SeedDemoData", "true");
            builder.UseSetting("HeadlessReviews:AdminToken", ApiFactory.AdminToken);
            builder.UseSetting("HeadlessReviews:Webhooks:PollInterval", "00:00:00.050");
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:0:Name", "everything");
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:0:Url", receiver);
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:0:Secret", Secret);
        }
    }
}
