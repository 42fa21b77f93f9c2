using System.Globalization;
using HeadlessReviews.Api.Importing.WordPress.Import;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>
/// A post WordPress had scheduled is imported as scheduled, publishes itself when due (once), and subscribers hear of
/// it then; a post already published is history and announces nothing.
/// </summary>
public sealed class ScheduledImportTests : IAsyncLifetime
{
    private ImportHost _host = null!;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"hr-scheduled-{Guid.NewGuid():N}.xml");

    public async Task InitializeAsync() =>
        _host = await ImportHost.StartAsync(new Dictionary<string, string?> { ["HeadlessReviews:Scheduling:Interval"] = "00:00:00.200" });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_file);
    }

    private static string Post(long id, string film, string status, DateTime gmt) => $"""
        <item><title>Review &#8211; {film}</title><link>http://site.example/{film.ToLowerInvariant()}/</link>
        <content:encoded><![CDATA[Text about {film}.

        <h2>Pop or Poop?</h2>
        <strong>Rating: Pop!</strong>

        Worth it.]]></content:encoded>
        <wp:post_id>{id}</wp:post_id><wp:post_date_gmt>{gmt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</wp:post_date_gmt>
        <wp:post_name>review-{film.ToLowerInvariant()}</wp:post_name><wp:status>{status}</wp:status><wp:post_type>post</wp:post_type></item>
        """;

    [Fact]
    public async Task A_scheduled_review_publishes_itself_when_due_and_reaches_a_subscriber()
    {
        var due = DateTime.UtcNow.AddSeconds(4);
        File.WriteAllText(_file, WxrFixtures.Export(Post(1, "Soon", "future", due) + Post(2, "Already", "publish", DateTime.UtcNow.AddDays(-3))));
        await using var probe = await SubscriptionProbe.StartAsync(_host.Host.Services, "subscription { reviewPublished { slug publishedAt } }");

        var report = await _host.ImportAsync(_file);
        Assert.Equal(2, report.Count(ImportOutcome.Imported));

        // The already published one announces nothing: the first event is the scheduled one, at its time.
        var published = (await probe.NextAsync(TimeSpan.FromSeconds(30)))["reviewPublished"]!;
        Assert.Equal("review-soon", (string)published["slug"]!);
        Assert.True(DateTimeOffset.UtcNow >= new DateTimeOffset(due.AddMilliseconds(-1000), TimeSpan.Zero));
        var data = await _host.Client.DataAsync("{ review(slug: \"review-soon\") { slug } }");
        Assert.Equal("review-soon", (string)data["review"]!["slug"]!);
    }
}
