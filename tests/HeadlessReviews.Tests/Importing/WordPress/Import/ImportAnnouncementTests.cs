using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HeadlessReviews.Api.Importing.WordPress.Import;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>An import is history, not news: no webhook per review, film, person or comment, one <c>import.completed</c> at the end.</summary>
public sealed class ImportAnnouncementTests : IAsyncLifetime
{
    private readonly WebhookReceiver _receiver = new();
    private ImportHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportHost.StartAsync(new Dictionary<string, string?>
    {
        ["HeadlessReviews:Webhooks:PollInterval"] = "00:00:00.050",
        ["HeadlessReviews:Webhooks:Endpoints:0:Name"] = "everything",
        ["HeadlessReviews:Webhooks:Endpoints:0:Url"] = _receiver.Url,
        ["HeadlessReviews:Webhooks:Endpoints:0:Secret"] = "import-webhook-secret-0123456789",
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _receiver.Dispose();
    }

    [Fact]
    public async Task One_summary_event_is_sent_with_the_cache_tags_of_what_was_written()
    {
        var report = await _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml"));
        Assert.Equal(9, report.Count(ImportOutcome.Imported));

        var summary = await _receiver.WaitForAsync(d => d.Event == WordPressImporter.CompletedEvent, TimeSpan.FromSeconds(30));
        var body = JsonNode.Parse(summary.Body)!;
        Assert.Equal(9, (int)body["node"]!["imported"]!);
        Assert.Equal(11, (int)body["node"]!["comments"]!);
        Assert.Equal(["comment", "film", "person", "review"], body["cacheTags"]!.AsArray().Select(t => (string)t!).Order().ToArray());

        // A change made after the import is announced as usual: once it arrives, anything the import had queued would have too.
        var created = await _host.Client.DataAsync("""
            mutation($input: PostCommentInput!) { postComment(input: $input) { status errors { code } } }
            """, new { input = new { reviewId = report.Items.Single(i => i.WpId == 3002).Id, authorName = "After", authorEmail = "after@mail.example", body = "Posted after the import." } });
        Assert.Empty(created["postComment"]!["errors"]!.AsArray());
        await _receiver.WaitForAsync(d => d.Event == "comment.changed", TimeSpan.FromSeconds(30));
        Assert.Single(_receiver.Deliveries, d => d.Event == WordPressImporter.CompletedEvent);
        Assert.Single(_receiver.Deliveries, d => d.Event != WordPressImporter.CompletedEvent);
    }

    [Fact]
    public async Task Cached_answers_are_purged_when_posts_are_imported()
    {
        const string Query = "{ reviews(first: 20) { totalCount } }";
        async Task<int> CountAsync() => (int)(await _host.Client.DataAsync(Query))["reviews"]!["totalCount"]!;
        Assert.Equal(0, await CountAsync());
        Assert.Equal(0, await CountAsync()); // now from the response cache

        await _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml"));

        // Each post's one merged purge reaches the cache through the bus: the six published reviews appear.
        var last = 0;
        await Eventually.TrueAsync(async () => (last = await CountAsync()) == 6, TimeSpan.FromSeconds(15), () => $"{last} reviews listed");
    }

    [Fact]
    public async Task A_review_with_hundreds_of_comments_is_imported_whole()
    {
        // Their merged purge would not fit in one NOTIFY with a tag per comment: it names the kinds instead.
        var export = await File.ReadAllTextAsync(WxrFixtures.PathOf("review-her.xml"));
        var comment = Regex.Match(export, @"<wp:comment>\s*<wp:comment_id>58</wp:comment_id>.*?</wp:comment>", RegexOptions.Singleline).Value;
        var many = string.Concat(Enumerable.Range(1, 300).Select(n => comment.Replace("<wp:comment_id>58<", $"<wp:comment_id>{10_000 + n}<", StringComparison.Ordinal)));
        var path = Path.Combine(Path.GetTempPath(), $"hr-many-comments-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, export.Replace(comment, comment + many, StringComparison.Ordinal));
        try
        {
            var report = await _host.ImportAsync(path);
            Assert.Equal(ImportOutcome.Imported, Assert.Single(report.Items, i => i.Type == "post" && i.Title == "Review – Her").Outcome);
            Assert.Equal(0, report.Comments.Skipped - report.Comments.Total + report.Comments.Imported);
            Assert.True(report.Comments.Imported > 300);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
