using System.Text.RegularExpressions;
using HeadlessReviews.Api.Importing.WordPress.Import;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>
/// An import writes several posts at once: posts in flight together that name the same new people and films, or want
/// the same slug, must still make one person per name, one film per title and a slug of its own for each review.
/// </summary>
public sealed class ImportLanesTests : IAsyncLifetime
{
    private const int Posts = 40;
    private const int Films = 8;
    private ImportHost _host = null!;
    private string _path = "";

    public async Task InitializeAsync()
    {
        _host = await ImportHost.StartAsync(new Dictionary<string, string?> { ["HeadlessReviews:Import:Connections"] = "4" });
        _path = Path.Combine(Path.GetTempPath(), $"hr-lanes-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(_path, await ManyReviewsAsync());
    }

    public async Task DisposeAsync()
    {
        File.Delete(_path);
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Posts_written_at_once_share_people_and_films_and_never_a_slug()
    {
        var report = await _host.ImportAsync(_path);

        Assert.Equal(Posts, report.Items.Count(item => item.Type == "post" && item.Outcome == ImportOutcome.Imported));
        // In file order, whichever lane wrote them.
        Assert.Equal(Enumerable.Range(0, Posts).Select(n => 5000L + n), report.Items.Where(item => item.Type == "post" && item.Outcome == ImportOutcome.Imported).Select(item => item.WpId));
        Assert.Equal(Films, report.Films.Created);
        Assert.Equal(Posts - Films, report.Films.Matched);

        var data = await _host.Client.DataAsync("""
            { reviews(first: 100) { totalCount nodes { slug film { title } } }
              films(first: 100) { nodes { title } }
              people(first: 100) { nodes { name } } }
            """);
        Assert.Equal(Posts, (int)data["reviews"]!["totalCount"]!);
        var slugs = data["reviews"]!["nodes"]!.AsArray().Select(node => (string)node!["slug"]!).ToList();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.Contains("review-her", slugs);
        Assert.Contains("review-her-2", slugs);

        var titles = data["films"]!["nodes"]!.AsArray().Select(node => (string)node!["title"]!).ToList();
        Assert.Equal(Films, titles.Count);
        Assert.Equal(titles.Count, titles.Distinct().Count());

        var names = data["people"]!["nodes"]!.AsArray().Select(node => (string)node!["name"]!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("Spike Jonze", names);
        Assert.Equal(report.People.Created, names.Count);
    }

    /// <summary>The Her review again and again: every copy names the same people, eight films between them, half the slug "review-her".</summary>
    private static async Task<string> ManyReviewsAsync()
    {
        var export = await File.ReadAllTextAsync(WxrFixtures.PathOf("review-her.xml"));
        var review = Regex.Match(export, @"<item>\s*<title><!\[CDATA\[Review &#8211; Her\]\]></title>.*?</item>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(review);
        var copies = string.Concat(Enumerable.Range(0, Posts).Select(n => review
            .Replace("Review &#8211; Her]]>", $"Review &#8211; Her {n % Films}]]>", StringComparison.Ordinal)
            .Replace("<wp:post_id>2102<", $"<wp:post_id>{5000 + n}<", StringComparison.Ordinal)
            .Replace("<![CDATA[review-her]]>", n % 2 == 0 ? "<![CDATA[review-her]]>" : $"<![CDATA[review-her-{n}-copy]]>", StringComparison.Ordinal)
            .Replace("<wp:comment_id>58<", $"<wp:comment_id>{10_000 + 2 * n}<", StringComparison.Ordinal)
            .Replace("<wp:comment_id>59<", $"<wp:comment_id>{10_001 + 2 * n}<", StringComparison.Ordinal)
            .Replace("<wp:comment_parent>58<", $"<wp:comment_parent>{10_000 + 2 * n}<", StringComparison.Ordinal)));
        return export.Replace(review, copies, StringComparison.Ordinal);
    }
}
