using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Importing.WordPress.Import;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>
/// One import of a blog export with one of every kind of item (Fixtures/blog-export.xml) into an empty database: what
/// the report says of each item, and what readers and moderators then find through the API.
/// </summary>
public sealed class BlogImportTests : IAsyncLifetime
{
    public const string AdminToken = "hr_import_tests_admin_0123456789abcdefghijkl";
    private ImportHost _host = null!;
    private ImportReport _report = null!;

    public async Task InitializeAsync()
    {
        _host = await ImportHost.StartAsync(new Dictionary<string, string?> { ["HeadlessReviews:AdminToken"] = AdminToken });
        _report = await _host.ImportAsync(WxrFixtures.PathOf("blog-export.xml"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ImportedItem Item(long wpId) => Assert.Single(_report.Items, i => i.WpId == wpId);

    private async Task<JsonNode> QueryAsync(string query, object? variables = null, bool admin = false) =>
        await _host.Client.DataAsync(query, variables, admin ? AdminToken : null);

    [Fact]
    public void The_report_has_one_entry_per_item_each_skip_with_its_reason()
    {
        Assert.Equal(17, _report.Items.Count);
        Assert.All(_report.Items.Where(i => i.Outcome == ImportOutcome.Skipped), i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));
        Assert.Equal(ImportOutcome.Imported, Item(3002).Outcome);
        Assert.Equal("Review – Her", Item(3002).Title);
        Assert.Contains("attachment", Item(3001).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a review", Item(3007).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("page", Item(3008).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("menu", Item(3009).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("trash", Item(3014).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("revision", Item(3015).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("block", Item(3016).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ImportOutcome.Skipped, Item(3017).Outcome);
        Assert.Contains("verdict", Item(3017).Reason, StringComparison.OrdinalIgnoreCase);
        foreach (var review in new long[] { 3002, 3003, 3004, 3005, 3006, 3010, 3011, 3012, 3013 })
        {
            Assert.Equal(ImportOutcome.Imported, Item(review).Outcome);
            Assert.NotNull(Item(review).Id);
        }
        // 13 on Her (2 of them pingback and trackback, 1 a note), 1 on Lost in Translation.
        Assert.Equal(14, _report.Comments.Total);
        Assert.Equal(11, _report.Comments.Imported);
        Assert.Equal(3, _report.Comments.Skipped);
        Assert.Contains(_report.Warnings, w => w.Contains("comment 999", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(_report.Warnings, w => w.Contains("Do you agree with my review?", StringComparison.Ordinal) && w.Contains("from 1 post", StringComparison.Ordinal));

        var json = JsonNode.Parse(_report.ToJson())!;
        Assert.Equal("imported", (string)json["items"]!.AsArray().Single(i => (long)i!["wpId"]! == 3002)!["outcome"]!);
        Assert.Equal(11, (int)json["comments"]!["imported"]!);
        Assert.NotNull(json["films"]!["created"]);
        Assert.NotNull(json["people"]!["matched"]);
    }

    [Fact]
    public async Task The_more_tag_ends_the_imported_excerpt()
    {
        var review = (await QueryAsync("""{ review(slug: "review-her") { excerpt(length: 2000) body { text html } } }"""))["review"]!;
        var excerpt = (string)review["excerpt"]!;
        var text = (string)review["body"]!["text"]!;

        Assert.EndsWith("Valentine’s Day.", excerpt, StringComparison.Ordinal);
        Assert.True(text.Length > excerpt.Length + 100, text);
        Assert.DoesNotContain("more", (string)review["body"]!["html"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_imported_her_review_as_the_api_serves_it()
    {
        var data = await QueryAsync("""
            { review(slug: "review-her") { headline slug byline publishedAt verdict { rating summary } excerpt(length: 120)
                body { markdown html pullQuotes }
                film { title slug year certificateLabel ukReleaseDate runtimeMinutes genres synopsis
                  poster { url altText width height } directors { name } writers { name } cast { person { name slug } billing } }
                commentCount comments(first: 20) { nodes { authorName authorUrl body html postedAt replies { authorName body } } } } }
            """);
        Snapshot.Match(JToken.Parse(data.ToJsonString()));
    }

    [Fact]
    public async Task Statuses_dates_and_bylines_come_from_wordpress()
    {
        var data = await QueryAsync("""
            { her: review(slug: "review-her") { status publishedAt byline }
              lost: review(slug: "review-lost-in-translation") { status byline verdict { rating } }
              arrival: review(slug: "review-arrival") { status publishedAt }
              dune: review(slug: "review-dune") { status publishAt publishedAt }
              memento: review(slug: "review-memento") { status publishedAt }
              moon: review(slug: "review-moon") { status publishedAt } }
            """, admin: true);
        Assert.Equal("PUBLISHED", (string)data["her"]!["status"]!);
        Assert.Equal("2014-02-20T21:30:00+00:00", (string)data["her"]!["publishedAt"]!);
        Assert.Equal("Chloé O'Brien", (string)data["lost"]!["byline"]!);
        Assert.Equal("POOP", (string)data["lost"]!["verdict"]!["rating"]!);
        Assert.Equal("DRAFT", (string)data["arrival"]!["status"]!);
        Assert.Null(data["arrival"]!["publishedAt"]);
        Assert.Equal("SCHEDULED", (string)data["dune"]!["status"]!);
        Assert.Equal("2031-03-01T18:00:00+00:00", (string)data["dune"]!["publishAt"]!);
        Assert.Equal("DRAFT", (string)data["memento"]!["status"]!);
        Assert.Contains("Password-protected", Item(3006).Reason);
        Assert.Contains("draft", Item(3004).Reason, StringComparison.OrdinalIgnoreCase);
        // No GMT date: the local one.
        Assert.Equal("2009-07-20T22:00:00+00:00", (string)data["moon"]!["publishedAt"]!);
        Assert.Contains("GMT", Item(3013).Reason);

        var anonymous = await QueryAsync("{ dune: review(slug: \"review-dune\") { slug } memento: review(slug: \"review-memento\") { slug } }");
        Assert.Null(anonymous["dune"]);
        Assert.Null(anonymous["memento"]);
    }

    [Fact]
    public async Task Slugs_are_kept_made_from_titles_transliterated_and_made_unique()
    {
        var data = await QueryAsync("""
            { leviathan: node(id: $leviathan) { ... on Review { slug headline film { title } } }
              shoplifters: node(id: $shoplifters) { ... on Review { slug headline } }
              draft: node(id: $draft) { ... on Review { slug } }
              published: node(id: $published) { ... on Review { slug } } }
            """.Replace("$leviathan", $"\"{Item(3010).Id}\"").Replace("$shoplifters", $"\"{Item(3011).Id}\"")
               .Replace("$draft", $"\"{Item(3004).Id}\"").Replace("$published", $"\"{Item(3012).Id}\""), admin: true);
        Assert.Equal("leviafan", (string)data["leviathan"]!["slug"]!);
        Assert.Equal("Review – Левиафан", (string)data["leviathan"]!["headline"]!);
        var shoplifters = (string)data["shoplifters"]!["slug"]!;
        Assert.DoesNotContain("untitled", shoplifters);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", shoplifters);
        // The draft had no slug: one from its title. The published post asked for the same one and was told so.
        Assert.Equal("review-arrival", (string)data["draft"]!["slug"]!);
        Assert.Equal("review-arrival-2", (string)data["published"]!["slug"]!);
        Assert.Contains(_report.Warnings, w => w.Contains("3012", StringComparison.Ordinal) && w.Contains("review-arrival-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task People_are_shared_between_films_and_matched_by_normalised_name()
    {
        var data = await QueryAsync("""
            { people(first: 50) { nodes { name credits { film { title } role } } } }
            """);
        var people = data["people"]!["nodes"]!.AsArray();
        var scarlett = Assert.Single(people, p => ((string)p!["name"]!).Contains("Johansson", StringComparison.Ordinal));
        Assert.Equal(["Her", "Lost in Translation"], scarlett!["credits"]!.AsArray().Select(c => (string)c!["film"]!["title"]!).Order().ToArray());
        Assert.Single(people, p => (string)p!["name"]! == "Spike Jonze");
    }

    [Fact]
    public async Task Comments_keep_their_status_thread_and_privacy()
    {
        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var comments = await session.Query<Comment>().ToListAsync();
        Assert.Equal(11, comments.Count);
        Assert.Equal(7, comments.Count(c => c.Status == CommentStatus.Approved));
        Assert.Single(comments, c => c.Status == CommentStatus.Pending);
        Assert.Single(comments, c => c.Status == CommentStatus.Spam);
        Assert.Equal(2, comments.Count(c => c.Status == CommentStatus.Trash));
        var spam = comments.Single(c => c.Status == CommentStatus.Spam);
        Assert.Equal(Api.Comments.Screening.SpamVerdict.Spam, spam.SpamVerdict);
        Assert.Contains(spam.SpamReasons, r => r.Contains("check-spam", StringComparison.Ordinal));
        // The reply that came before its parent in the file still answers it; the orphan starts a thread.
        var sam = comments.Single(c => c.AuthorName == "Sam");
        Assert.Equal(sam.Id, comments.Single(c => c.Body.StartsWith("Thanks Sam", StringComparison.Ordinal)).ParentId);
        Assert.Null(comments.Single(c => c.AuthorName == "Orphan").ParentId);
        // Addresses are kept only as the keyed hash; markup is kept as text; a bad website is dropped.
        Assert.All(comments, c => Assert.DoesNotContain("203.0.113", c.ClientAddressHash ?? ""));
        Assert.NotNull(comments.Single(c => c.AuthorName == "Jess").ClientAddressHash);
        var markup = comments.Single(c => c.AuthorName == "Markup Mo");
        Assert.Null(markup.AuthorUrl);
        Assert.Equal("Zoë & Co", comments.Single(c => c.Body.StartsWith("No e-mail", StringComparison.Ordinal)).AuthorName);

        var data = await QueryAsync("{ review(slug: \"review-her\") { commentCount comments(first: 20) { nodes { authorName html replies { authorName } } } } }");
        Assert.Equal(6, (int)data["review"]!["commentCount"]!);
        var html = data.ToJsonString();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pills@", html, StringComparison.Ordinal);
        Assert.DoesNotContain("jess@mail.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_from_an_export_that_could_run_reaches_a_reader()
    {
        var data = await QueryAsync("{ review(slug: \"review-lost-in-translation\") { body { html } } }");
        var html = (string)data["review"]!["body"]!["html"]!;
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<h3", html, StringComparison.Ordinal);
        Assert.Contains("tokyo.jpg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_addresses_find_the_imported_reviews()
    {
        const string Query = "query($url: String!) { nodeByLegacyUrl(url: $url) { ... on Review { slug } } }";
        foreach (var (url, slug) in new[]
        {
            ("http://popornot.example/2014/02/review-her/", "review-her"),
            ("https://popornot.example/2014/02/review-her", "review-her"),
            ("/2014/02/review-her/", "review-her"),
            ("http://popornot.example/?p=3002", "review-her"),
            ("http://popornot.example/2014/02/her-review/", "review-her"),
            ("http://popornot.example/2014/03/review-lost-in-translation/", "review-lost-in-translation"),
            ("http://popornot.example/2014/03/lost-in-translation/", "review-lost-in-translation"),
        })
            Assert.True((string?)(await QueryAsync(Query, new { url }))["nodeByLegacyUrl"]?["slug"] == slug, url);
        // An old slug also finds the review by slug (as a renamed one does).
        Assert.Equal("review-her", (string)(await QueryAsync("{ review(slug: \"her-review\") { slug } }"))["review"]!["slug"]!);
    }
}
