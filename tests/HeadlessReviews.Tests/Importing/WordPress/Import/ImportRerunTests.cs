using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Importing.WordPress.Import;
using HeadlessReviews.Api.Importing.WordPress.Wxr;
using HeadlessReviews.Api.Reviews;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>
/// Running an import again: the same file changes nothing, a newer export updates what changed there unless it was
/// edited here since (a conflict, the edit kept); a dry run and a broken file write nothing; two imports never interleave.
/// Each test on an empty database of its own.
/// </summary>
public sealed class ImportRerunTests : IAsyncLifetime
{
    private ImportHost _host = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("hr-import-").FullName;

    public async Task InitializeAsync() =>
        _host = await ImportHost.StartAsync(new Dictionary<string, string?> { ["HeadlessReviews:AdminToken"] = BlogImportTests.AdminToken });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private IDocumentStore Store => _host.Host.Services.GetRequiredService<IDocumentStore>();

    private async Task<(int Reviews, int Comments, int Records, int Revisions)> CountsAsync()
    {
        await using var session = Store.QuerySession();
        return (await session.Query<Review>().CountAsync(), await session.Query<Comment>().CountAsync(),
            await session.Query<ImportRecord>().CountAsync(), (int)await session.Events.QueryAllRawEvents().CountAsync());
    }

    private string Variant(string name, Func<string, string> change)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, change(File.ReadAllText(WxrFixtures.PathOf("blog-export.xml"))));
        return path;
    }

    [Fact]
    public async Task Running_the_same_file_again_changes_nothing()
    {
        await _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml"));
        var before = await CountsAsync();

        var again = await _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml"));

        Assert.Equal(before, await CountsAsync());
        Assert.All(again.Items.Where(i => i.Id is not null), i => Assert.Equal(ImportOutcome.Unchanged, i.Outcome));
        Assert.Equal(9, again.Count(ImportOutcome.Unchanged));
        Assert.Equal(0, again.Comments.Imported + again.Comments.Updated);
        Assert.Equal(11, again.Comments.Unchanged);
        Assert.Equal(0, again.Films.Created + again.People.Created);
    }

    [Fact]
    public async Task A_newer_export_updates_what_changed_there_but_never_an_edit_made_here()
    {
        var first = await _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml"));
        var her = first.Items.Single(i => i.WpId == 3002).Id!;
        var edited = await _host.Client.DataAsync(
            "mutation($input: UpdateReviewInput!) { updateReview(input: $input) { review { version } errors { code } } }",
            new { input = new { id = her, expectedVersion = 1, headline = "Her: edited here" } }, BlogImportTests.AdminToken);
        Assert.Empty(edited["updateReview"]!["errors"]!.AsArray());

        var newer = Variant("newer.xml", xml => xml
            .Replace("Spike Jonze&#8217;s techno-romance <em>Her</em> snuck", "Spike Jonze&#8217;s techno-romance <em>Her</em> crept", StringComparison.Ordinal)
            .Replace("Two lost souls in a", "Two lonely souls in a", StringComparison.Ordinal)
            .Replace("<![CDATA[Waiting for a moderator.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[0]]>",
                "<![CDATA[Waiting for a moderator.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[1]]>", StringComparison.Ordinal)
            // A reply made since, written before its parent (as exports may order them).
            .Replace("<wp:comment>\n\t\t\t<wp:comment_id>201</wp:comment_id>", "<wp:comment><wp:comment_id>202</wp:comment_id><wp:comment_author><![CDATA[Late Lou]]></wp:comment_author><wp:comment_author_email>lou@mail.example</wp:comment_author_email><wp:comment_date_gmt>2014-03-05 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[A comment made after the first export.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>201</wp:comment_parent></wp:comment>\n\t\t<wp:comment>\n\t\t\t<wp:comment_id>201</wp:comment_id>", StringComparison.Ordinal));

        var second = await _host.ImportAsync(newer);

        var herItem = second.Items.Single(i => i.WpId == 3002);
        Assert.Equal(ImportOutcome.Conflict, herItem.Outcome);
        Assert.Contains("Changed here", herItem.Reason);
        Assert.Equal(ImportOutcome.Updated, second.Items.Single(i => i.WpId == 3003).Outcome);
        Assert.Equal(ImportOutcome.Unchanged, second.Items.Single(i => i.WpId == 3010).Outcome);
        // Comments of the conflicting post are still brought up to date; the new reply is imported into its thread.
        Assert.Equal(1, second.Comments.Updated);
        Assert.Equal(1, second.Comments.Imported);

        var data = await _host.Client.DataAsync("""
            { her: review(slug: "review-her") { headline body { markdown } commentCount }
              lost: review(slug: "review-lost-in-translation") { body { markdown } revisions { action } comments(first: 5) { nodes { replies { authorName } } } } }
            """, null, BlogImportTests.AdminToken);
        Assert.Equal("Her: edited here", (string)data["her"]!["headline"]!);
        Assert.Contains("snuck", (string)data["her"]!["body"]!["markdown"]!);
        Assert.Equal(7, (int)data["her"]!["commentCount"]!);
        Assert.Contains("Two lonely souls", (string)data["lost"]!["body"]!["markdown"]!);
        Assert.Equal(["IMPORTED", "IMPORTED"], data["lost"]!["revisions"]!.AsArray().Select(r => (string)r!["action"]!).ToArray());
        Assert.Equal("Late Lou", (string)data["lost"]!["comments"]!["nodes"]![0]!["replies"]![0]!["authorName"]!);
    }

    [Fact]
    public async Task A_dry_run_reports_everything_and_writes_nothing()
    {
        var before = await CountsAsync();
        var report = await _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml"), new WordPressImportOptions { DryRun = true });

        Assert.True(report.DryRun);
        Assert.Equal(9, report.Count(ImportOutcome.Imported));
        Assert.Equal(11, report.Comments.Imported);
        Assert.True(report.People.Created > 5);
        Assert.Equal(before, await CountsAsync());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<Api.Films.Film>().CountAsync());
    }

    [Fact]
    public async Task A_truncated_file_is_refused_with_its_line_and_position_and_nothing_is_written()
    {
        var whole = File.ReadAllText(WxrFixtures.PathOf("blog-export.xml"));
        var truncated = Path.Combine(_folder, "truncated.xml");
        File.WriteAllText(truncated, whole[..(whole.Length * 3 / 4)]);

        var error = await Assert.ThrowsAsync<WxrFormatException>(() => _host.ImportAsync(truncated));

        Assert.True(error.LineNumber > 100, error.Message);
        Assert.True(error.LinePosition > 0, error.Message);
        Assert.Contains($"line {error.LineNumber}", error.Message);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_second_import_while_one_runs_is_refused()
    {
        // An import holds the lock: the same key, taken here by hand.
        await using var holder = new NpgsqlConnection(_host.Database);
        await holder.OpenAsync();
        Assert.True(await ImportLock.TryTakeAsync(holder, CancellationToken.None));

        await Assert.ThrowsAsync<ImportAlreadyRunningException>(() => _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml")));
        Assert.Equal((0, 0, 0, 0), await CountsAsync());

        await ImportLock.ReleaseAsync(holder);
        var report = await _host.ImportAsync(WxrFixtures.PathOf("review-her.xml"));
        Assert.Equal(ImportOutcome.Imported, report.Items.Single(i => i.WpId == 2102).Outcome);
    }

    [Fact]
    public async Task An_export_in_the_https_namespace_of_wxr_1_1_imports_alike()
    {
        var https = Variant("https.xml", xml => xml
            .Replace("http://wordpress.org/export/1.2/", "https://wordpress.org/export/1.1/", StringComparison.Ordinal)
            .Replace("<wp:wxr_version>1.2</wp:wxr_version>", "<wp:wxr_version>1.1</wp:wxr_version>", StringComparison.Ordinal));
        var report = await _host.ImportAsync(https);
        Assert.Equal(9, report.Count(ImportOutcome.Imported));
        Assert.Equal(11, report.Comments.Imported);
    }
}
