using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>Review history (Marten's event store), restoring a revision, and old slugs after a rename.</summary>
public sealed class ReviewRevisionTests(ApiFactory api) : ReviewEditingTest(api)
{
    private const string RevisionsQuery = """
        query($id: ID!) {
          review(id: $id) {
            version headline slug
            revisions { number version action at by changedFields restoredFrom headline slug byline bodyMarkdown verdict { rating summary } film { slug } status publishedAt }
          }
        }
        """;

    [Fact]
    public async Task Every_change_is_listed_newest_first_with_who_what_and_when()
    {
        var created = await CreateAsync();
        var updated = await ChangeAsync("updateReview", At(created, new { headline = "Carol, at length", body = "Longer now." }));
        var published = await ChangeAsync("publishReview", At(updated));
        await ChangeAsync("unpublishReview", At(published));

        var revisions = await RevisionsAsync(created);

        Assert.Equal([4, 3, 2, 1], revisions.Select(r => (int)r["number"]!));
        Assert.Equal([4, 3, 2, 1], revisions.Select(r => (int)r["version"]!));
        Assert.Equal(["UNPUBLISHED", "PUBLISHED", "UPDATED", "CREATED"], revisions.Select(r => (string)r["action"]!));
        Assert.All(revisions, r => Assert.Equal(EditorName, (string?)r["by"]));
        Assert.Equal([["status"], ["status", "publishedAt"], ["headline", "body"], ["filmId", "headline", "byline", "body", "verdict", "slug"]],
            revisions.Select(r => r["changedFields"]!.AsArray().Select(f => (string)f!).ToArray()));
        var times = revisions.Select(r => DateTimeOffset.Parse((string)r["at"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal((string?)published["updatedAt"], (string?)revisions[1]["at"]);

        var first = revisions[3];
        Assert.Equal("Review – Carol", (string?)first["headline"]);
        Assert.Equal((string?)created["body"]!["markdown"], (string?)first["bodyMarkdown"]);
        Assert.Equal("carol", (string?)first["film"]!["slug"]);
        Assert.Equal("DRAFT", (string?)first["status"]);
        Assert.Null(first["publishedAt"]);
        Assert.Equal("Longer now.", (string?)revisions[2]["bodyMarkdown"]);
        Assert.Equal("PUBLISHED", (string?)revisions[1]["status"]);
        Assert.Equal((string?)published["publishedAt"], (string?)revisions[0]["publishedAt"]);
    }

    [Fact]
    public async Task Restoring_a_revision_brings_its_fields_back_as_a_new_revision()
    {
        var created = await CreateAsync();
        var updated = await ChangeAsync("updateReview", At(created, new
        {
            headline = "Carol, rewritten",
            body = "All new.",
            verdict = new { rating = "POOP", summary = "Not for me." },
        }));
        var published = await ChangeAsync("publishReview", At(updated));

        var restored = await ChangeAsync("restoreReviewRevision", At(published, new { revision = 1 }));

        Assert.Equal(4, (int)restored["version"]!);
        Assert.Equal("Review – Carol", (string?)restored["headline"]);
        Assert.Equal((string?)created["body"]!["markdown"], (string?)restored["body"]!["markdown"]);
        Assert.Equal("POP", (string?)restored["verdict"]!["rating"]);
        Assert.Equal("PUBLISHED", (string?)restored["status"]); // a restore brings back text, not status
        Assert.Equal((string?)published["publishedAt"], (string?)restored["publishedAt"]);
        var latest = (await RevisionsAsync(created))[0];
        Assert.Equal("RESTORED", (string?)latest["action"]);
        Assert.Equal(1, (int)latest["restoredFrom"]!);
        Assert.Equal(["headline", "body", "verdict"], latest["changedFields"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(4, (int)latest["version"]!);
    }

    [Fact]
    public async Task Restore_reports_mistakes_and_writes_nothing()
    {
        var created = await CreateAsync(NewReview("arrival", slug: "arrival-restore-test"));
        var renamed = await ChangeAsync("updateReview", At(created, new { slug = "arrival-restore-renamed" }));
        // A draft's old slug is free again, so another review can take it; restoring revision 1 would collide.
        await CreateAsync(NewReview("arrival", slug: "arrival-restore-test"));

        Assert.Equal(("revision", "NOT_FOUND"), ErrorOf(await MutateAsync("restoreReviewRevision", At(renamed, new { revision = 99 }))));
        Assert.Equal(("revision", "NOT_FOUND"), ErrorOf(await MutateAsync("restoreReviewRevision", At(renamed, new { revision = 0 }))));
        Assert.Equal(("expectedVersion", "VERSION_CONFLICT"), ErrorOf(await MutateAsync("restoreReviewRevision", At(created, new { revision = 1 }))));
        Assert.Equal(("slug", "SLUG_TAKEN"), ErrorOf(await MutateAsync("restoreReviewRevision", At(renamed, new { revision = 1 }))));

        Assert.Equal(2, (await RevisionsAsync(created)).Count);
    }

    [Fact]
    public async Task Revisions_are_for_editors_only()
    {
        var review = await ChangeAsync("publishReview", At(await CreateAsync()));
        var moderator = await CreateTokenAsync("Review tests moderator", "MODERATOR");
        const string Query = "query($slug: String!) { review(slug: $slug) { slug revisions { number bodyMarkdown } } }";

        foreach (var (token, code) in new[] { ((string?)null, "AUTH_NOT_AUTHENTICATED"), (moderator, "AUTH_NOT_AUTHORIZED") })
        {
            var response = await GraphQL.PostAsync(Query, new { slug = (string)review["slug"]! }, token: token);

            Assert.Equal(code, response.FirstErrorCode);
            Assert.Equal((string?)review["slug"], (string?)response.Data!["review"]!["slug"]);
            Assert.Null(response.Data!["review"]!["revisions"]);
        }
    }

    [Fact]
    public async Task Revisions_of_a_whole_list_take_one_round_trip()
    {
        var first = await CreateAsync();
        await ChangeAsync("updateReview", At(first, new { byline = "Another Writer" }));
        await CreateAsync(NewReview("her"));
        const string Without = "{ reviews(first: 100) { nodes { slug } } }";
        const string With = "{ reviews(first: 100) { nodes { slug revisions { number by } } } }";

        var without = await RoundTripsAsync(Without);
        var with = await RoundTripsAsync(With);

        Assert.Equal(without + 1, with);
        var nodes = (await GraphQL.DataAsync(With, token: Editor))["reviews"]!["nodes"]!.AsArray();
        Assert.Equal([2, 1], nodes.Single(n => (string?)n!["slug"] == (string?)first["slug"])!["revisions"]!.AsArray().Select(r => (int)r!["number"]!));
    }

    [Fact]
    public async Task Old_slug_of_a_published_review_still_finds_it_after_a_rename()
    {
        var created = await CreateAsync(NewReview("paddington-2"));
        var oldSlug = (string)created["slug"]!;
        var published = await ChangeAsync("publishReview", At(created));

        var renamed = await ChangeAsync("updateReview", At(published, new { slug = "paddington-2-the-marmalade-years" }));

        var found = (await GraphQL.DataAsync("query($slug: String!) { review(slug: $slug) { id slug } }", new { slug = oldSlug }))["review"]!;
        Assert.Equal((string?)created["id"], (string?)found["id"]);
        Assert.Equal("paddington-2-the-marmalade-years", (string?)found["slug"]);
        // The old slug still leads somewhere, so no other review may take it, given or generated.
        Assert.Equal(("slug", "SLUG_TAKEN"), ErrorOf(await MutateAsync("createReview", NewReview("paddington-2", slug: oldSlug))));
        var next = await CreateAsync(NewReview("paddington-2"));
        Assert.NotEqual(oldSlug, (string?)next["slug"]);
        Assert.Equal("paddington-2-3", (string?)next["slug"]);

        // Renaming back keeps both working.
        await ChangeAsync("updateReview", At(renamed, new { slug = oldSlug }));
        foreach (var slug in new[] { oldSlug, "paddington-2-the-marmalade-years" })
            Assert.Equal(oldSlug, (string?)(await GraphQL.DataAsync("query($slug: String!) { review(slug: $slug) { slug } }", new { slug }))["review"]!["slug"]);
    }

    [Fact]
    public async Task Old_slug_of_an_unpublished_review_stays_hidden_and_a_draft_lets_its_old_slug_go()
    {
        var published = await ChangeAsync("publishReview", At(await CreateAsync(NewReview("arrival", slug: "arrival-hidden-test"))));
        var renamed = await ChangeAsync("updateReview", At(published, new { slug = "arrival-hidden-renamed" }));
        await ChangeAsync("unpublishReview", At(renamed));
        const string BySlug = "query($slug: String!) { review(slug: $slug) { slug } }";

        Assert.Null((await GraphQL.DataAsync(BySlug, new { slug = "arrival-hidden-test" }))["review"]);
        Assert.Equal("arrival-hidden-renamed", (string?)(await GraphQL.DataAsync(BySlug, new { slug = "arrival-hidden-test" }, Editor))["review"]!["slug"]);

        var draft = await CreateAsync(NewReview("arrival", slug: "arrival-draft-test"));
        await ChangeAsync("updateReview", At(draft, new { slug = "arrival-draft-renamed" }));
        Assert.Null((await GraphQL.DataAsync(BySlug, new { slug = "arrival-draft-test" }, Editor))["review"]);
    }

    [Fact]
    public async Task Production_start_up_creates_the_event_store_with_the_documents()
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        try
        {
            // Production never creates schema objects on the fly: history works only if start-up made its tables.
            using var host = new ServiceHost("Production", new Dictionary<string, string?>
            {
                ["ConnectionStrings:Reviews"] = database,
                ["HeadlessReviews:Storage:ApplySchemaChanges"] = "true",
                ["HeadlessReviews:SeedDemoData"] = "true",
                ["HeadlessReviews:AdminToken"] = ApiFactory.AdminToken,
            });
            var client = new GraphQLClient(host.CreateClient());
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("select to_regclass('public.mt_events') is not null and to_regclass('public.mt_streams') is not null", connection);
                Assert.True((bool)(await command.ExecuteScalarAsync())!);
            }

            var data = await client.DataAsync($"mutation($input: CreateReviewInput!) {{ createReview(input: $input) {{ ...Payload }} }} {Payload}",
                new { input = NewReview() }, ApiFactory.AdminToken);

            Assert.Empty(data["createReview"]!["errors"]!.AsArray());
        }
        finally
        {
            await ServiceHost.DropDatabaseAsync(database);
        }
    }

    private async Task<List<JsonNode>> RevisionsAsync(JsonNode review) =>
        [.. (await GraphQL.DataAsync(RevisionsQuery, new { id = (string)review["id"]! }, Editor))["review"]!["revisions"]!.AsArray().Select(r => r!)];

    private async Task<int> RoundTripsAsync(string query)
    {
        await GraphQL.DataAsync(query, token: Editor); // warm: the token's last-used time is written at most once a minute
        Api.RoundTrips.Reset();
        await GraphQL.DataAsync(query, token: Editor);
        return Api.RoundTrips.Count;
    }
}
