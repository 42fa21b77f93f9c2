using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>createReview, updateReview, publishReview, unpublishReview, deleteReview through HTTP.</summary>
public sealed class ReviewMutationTests(ApiFactory api) : ReviewEditingTest(api)
{
    // What the public may read of a review; editors also read its status.
    private const string Fields = "id version slug headline byline publishedAt updatedAt body { markdown pullQuotes } verdict { rating summary } film { slug }";
    private const string ReadBack = $"query($id: ID!) {{ review(id: $id) {{ {Fields} }} }}";
    private const string EditorReadBack = $"query($id: ID!) {{ review(id: $id) {{ status {Fields} }} }}";

    [Fact]
    public async Task Create_writes_a_draft_with_headline_and_slug_from_the_film()
    {
        var payload = await MutateAsync("createReview", NewReview("carol"));

        Assert.Equal("create-1", (string?)payload["clientMutationId"]);
        Assert.Empty(payload["errors"]!.AsArray());
        var review = await ReadAsync(payload["review"]!, Editor);
        Assert.Equal(1, (int)review["version"]!);
        Assert.Equal("DRAFT", (string?)review["status"]);
        Assert.Equal("Review – Carol", (string?)review["headline"]);
        Assert.Equal("carol-2", (string?)review["slug"]); // the demo review has "carol"
        Assert.Equal("carol", (string?)review["film"]!["slug"]);
        Assert.Equal("Test Writer", (string?)review["byline"]);
        Assert.Equal(["A pull-quote worth quoting."], review["body"]!["pullQuotes"]!.AsArray().Select(q => (string)q!));
        Assert.Equal("POP", (string?)review["verdict"]!["rating"]);
        Assert.Null(review["publishedAt"]);
        Assert.NotNull(review["updatedAt"]);
    }

    [Fact]
    public async Task Create_takes_a_given_headline_and_slug()
    {
        var input = NewReview("arrival", slug: "arrival-second-opinion");
        input["headline"] = "  Arrival, again  ";

        var review = await CreateAsync(input);

        Assert.Equal("arrival-second-opinion", (string?)review["slug"]);
        Assert.Equal("Arrival, again", (string?)review["headline"]);
    }

    [Fact]
    public async Task Update_changes_what_is_sent_and_moves_updatedAt()
    {
        var created = await CreateAsync();

        var updated = await ChangeAsync("updateReview", At(created, new
        {
            headline = "Carol, reconsidered",
            body = "Shorter now.",
            verdict = new { rating = "POOP", summary = "Changed my mind." },
        }));

        var review = await ReadAsync(updated, Editor);
        Assert.Equal(2, (int)review["version"]!);
        Assert.Equal("Carol, reconsidered", (string?)review["headline"]);
        Assert.Equal("Shorter now.", (string?)review["body"]!["markdown"]);
        Assert.Equal("POOP", (string?)review["verdict"]!["rating"]);
        Assert.Equal("Test Writer", (string?)review["byline"]);
        Assert.Equal((string?)created["slug"], (string?)review["slug"]);
        Assert.True(Instant(review["updatedAt"]) > Instant(created["updatedAt"]));
    }

    [Fact]
    public async Task Update_that_changes_nothing_keeps_the_version()
    {
        var created = await CreateAsync();

        var same = await ChangeAsync("updateReview", At(created, new { headline = (string?)created["headline"], byline = "Test Writer" }));

        Assert.Equal(1, (int)same["version"]!);
        Assert.Equal((string?)created["updatedAt"], (string?)same["updatedAt"]);
    }

    [Fact]
    public async Task Publish_sets_publishedAt_once_and_unpublish_returns_to_draft()
    {
        var created = await CreateAsync();

        var published = await ChangeAsync("publishReview", At(created));
        Assert.Equal("PUBLISHED", (string?)published["status"]);
        Assert.Equal(2, (int)published["version"]!);
        var firstPublished = (string)published["publishedAt"]!;
        Assert.Equal(firstPublished, (string?)published["updatedAt"]);

        var draft = await ChangeAsync("unpublishReview", At(published));
        Assert.Equal("DRAFT", (string?)draft["status"]);
        Assert.Equal(firstPublished, (string?)draft["publishedAt"]);
        Assert.Null((await GraphQL.DataAsync(ReadBack, new { id = (string)created["id"]! }))["review"]);

        var again = await ChangeAsync("publishReview", At(draft));
        Assert.Equal("PUBLISHED", (string?)again["status"]);
        var review = await ReadAsync(again, token: null);
        Assert.Equal(firstPublished, (string?)review["publishedAt"]);
        Assert.Equal(4, (int)review["version"]!);
        Assert.True(Instant(review["updatedAt"]) > Instant(draft["updatedAt"]));
    }

    [Fact]
    public async Task An_edit_of_a_published_review_changes_its_card_in_lists_at_once()
    {
        // Lists read stored cards (ReviewCards.Stored), kept by a trigger: an edit must reach them.
        const string Cards = "query { reviews(first: 5) { nodes { id headline excerpt(length: 40) verdict { rating } } } }";
        var published = await ChangeAsync("publishReview", At(await CreateAsync()));
        var card = (await GraphQL.DataAsync(Cards))["reviews"]!["nodes"]!.AsArray().Single(n => (string)n!["id"]! == (string)published["id"]!)!;
        Assert.Equal("A first paragraph. A pull-quote worth…", (string?)card["excerpt"]);

        await ChangeAsync("updateReview", At(published, new
        {
            headline = "Carol, at second sight",
            body = "Rewritten from the first line to the last.",
            verdict = new { rating = "POOP", summary = "Changed my mind." },
        }));

        card = (await GraphQL.DataAsync(Cards))["reviews"]!["nodes"]!.AsArray().Single(n => (string)n!["id"]! == (string)published["id"]!)!;
        Assert.Equal("Carol, at second sight", (string?)card["headline"]);
        Assert.Equal("Rewritten from the first line to the…", (string?)card["excerpt"]);
        Assert.Equal("POOP", (string?)card["verdict"]!["rating"]);
    }

    [Fact]
    public async Task Publishing_a_published_review_or_unpublishing_a_draft_is_refused()
    {
        var draft = await CreateAsync();
        Assert.Equal(("id", "INVALID_STATE"), ErrorOf(await MutateAsync("unpublishReview", At(draft))));

        var published = await ChangeAsync("publishReview", At(draft));
        Assert.Equal(("id", "INVALID_STATE"), ErrorOf(await MutateAsync("publishReview", At(published))));
        Assert.Equal(2, (int)(await ReadAsync(published, Editor))["version"]!);
    }

    [Fact]
    public async Task Delete_removes_the_review_and_its_comments()
    {
        var review = await ChangeAsync("publishReview", At(await CreateAsync()));
        var id = GlobalId.DecodeAs((string)review["id"]!, "Review")!.Value;
        var comment = new Comment { Id = Guid.NewGuid(), ReviewId = id, AuthorName = "Reader", AuthorEmail = "reader@example.net", Body = "Nice.", Status = CommentStatus.Approved };
        await using (var session = Api.Store.LightweightSession())
        {
            session.Store(comment);
            await session.SaveChangesAsync();
        }

        var payload = await MutateAsync("deleteReview", At(review));

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Null(payload["review"]);
        Assert.Null((await GraphQL.DataAsync(ReadBack, new { id = (string)review["id"]! }, Editor))["review"]);
        Assert.Null((await GraphQL.DataAsync("query($slug: String!) { review(slug: $slug) { id } }", new { slug = (string)review["slug"]! }, Editor))["review"]);
        await using var check = Api.Store.QuerySession();
        Assert.Null(await check.LoadAsync<Comment>(comment.Id));
    }

    [Fact]
    public async Task Draft_is_seen_by_editors_only_until_it_is_published()
    {
        var input = NewReview("inherent-vice");
        input["body"] = "A draft that mentions zyxwvutsrq, a word no other review uses.";
        var draft = await CreateAsync(input);
        var everyPath = new[] { "review(slug:)", "review(id:)", "reviews", "node", "search", "film.reviews" };

        Assert.Empty(await PathsShowingAsync(draft, token: null));
        Assert.Equal(everyPath, await PathsShowingAsync(draft, Editor));

        await ChangeAsync("publishReview", At(draft));

        Assert.Equal(everyPath, await PathsShowingAsync(draft, token: null));
    }

    public static TheoryData<string, string, string> CreateMistakes => new()
    {
        { "blank byline", "byline", "REQUIRED" },
        { "long byline", "byline", "LENGTH" },
        { "blank headline", "headline", "REQUIRED" },
        { "long headline", "headline", "LENGTH" },
        { "blank body", "body", "REQUIRED" },
        { "long body", "body", "LENGTH" },
        { "blank summary", "verdict.summary", "REQUIRED" },
        { "long summary", "verdict.summary", "LENGTH" },
        { "malformed film id", "filmId", "FORMAT" },
        { "person as film", "filmId", "WRONG_TYPE" },
        { "unknown film", "filmId", "NOT_FOUND" },
        { "malformed slug", "slug", "FORMAT" },
        { "taken slug", "slug", "SLUG_TAKEN" },
    };

    [Theory]
    [MemberData(nameof(CreateMistakes))]
    public async Task Create_reports_each_mistake_and_writes_nothing(string mistake, string field, string code)
    {
        var input = NewReview();
        switch (mistake)
        {
            case "blank byline": input["byline"] = "  "; break;
            case "long byline": input["byline"] = new string('b', 101); break;
            case "blank headline": input["headline"] = " "; break;
            case "long headline": input["headline"] = new string('h', 201); break;
            case "blank body": input["body"] = "\n\n"; break;
            case "long body": input["body"] = new string('x', 100_001); break;
            case "blank summary": input["verdict"] = new { rating = "POP", summary = "" }; break;
            case "long summary": input["verdict"] = new { rating = "POP", summary = new string('s', 301) }; break;
            case "malformed film id": input["filmId"] = "not-an-id"; break;
            case "person as film": input["filmId"] = GlobalId.Encode("Person", Guid.NewGuid()); break;
            case "unknown film": input["filmId"] = GlobalId.Encode("Film", Guid.NewGuid()); break;
            case "malformed slug": input["slug"] = "Carol Again"; break;
            case "taken slug": input["slug"] = "her"; break;
        }
        var before = await ReviewCountAsync();

        var payload = await MutateAsync("createReview", input);

        Assert.Equal((field, code), ErrorOf(payload));
        Assert.Null(payload["review"]);
        Assert.Equal(before, await ReviewCountAsync());
    }

    [Fact]
    public async Task Create_reports_every_mistake_at_once()
    {
        var input = NewReview();
        input["byline"] = "";
        input["body"] = "";
        input["verdict"] = new { rating = "POOP", summary = " " };
        input["slug"] = "-bad-";

        var payload = await MutateAsync("createReview", input);

        var fields = payload["errors"]!.AsArray().Select(e => string.Join(".", e!["field"]!.AsArray().Select(p => (string)p!))).ToHashSet();
        Assert.Equal(["byline", "body", "verdict.summary", "slug"], fields);
    }

    [Fact]
    public async Task Update_reports_mistakes_and_writes_nothing()
    {
        var created = await CreateAsync();
        var other = await CreateAsync(NewReview("carol", slug: "carol-taken-by-another"));

        Assert.Equal(("headline", "REQUIRED"), ErrorOf(await MutateAsync("updateReview", At(created, new { headline = (string?)null }))));
        Assert.Equal(("slug", "REQUIRED"), ErrorOf(await MutateAsync("updateReview", At(created, new { slug = (string?)null }))));
        Assert.Equal(("verdict", "REQUIRED"), ErrorOf(await MutateAsync("updateReview", At(created, new { verdict = (object?)null }))));
        Assert.Equal(("slug", "SLUG_TAKEN"), ErrorOf(await MutateAsync("updateReview", At(created, new { slug = (string)other["slug"]! }))));
        Assert.Equal(("filmId", "NOT_FOUND"), ErrorOf(await MutateAsync("updateReview", At(created, new { filmId = GlobalId.Encode("Film", Guid.NewGuid()) }))));
        Assert.Equal(("id", "WRONG_TYPE"), ErrorOf(await MutateAsync("updateReview", new { id = FilmId("carol"), expectedVersion = 1 })));
        Assert.Equal(("id", "NOT_FOUND"), ErrorOf(await MutateAsync("updateReview", new { id = GlobalId.Encode("Review", Guid.NewGuid()), expectedVersion = 1 })));
        Assert.Equal(("expectedVersion", "REQUIRED"), ErrorOf(await MutateAsync("updateReview", new { id = (string)created["id"]!, expectedVersion = 0 })));

        var review = await ReadAsync(created, Editor);
        Assert.Equal(1, (int)review["version"]!);
        Assert.Equal((string?)created["headline"], (string?)review["headline"]);
    }

    [Theory]
    [InlineData("updateReview")]
    [InlineData("publishReview")]
    [InlineData("unpublishReview")]
    [InlineData("deleteReview")]
    public async Task Stale_expected_version_is_a_version_conflict(string mutation)
    {
        var created = await CreateAsync();
        var current = mutation == "unpublishReview" ? await ChangeAsync("publishReview", At(created)) : await ChangeAsync("updateReview", At(created, new { byline = "Someone Else" }));
        var stale = new { id = (string)created["id"]!, expectedVersion = 1, headline = "Stale" };

        var payload = await MutateAsync(mutation, mutation == "updateReview" ? stale : new { stale.id, stale.expectedVersion });

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("VERSION_CONFLICT", (string?)error["code"]);
        Assert.Equal(2, (int)error["currentVersion"]!);
        Assert.Equal(2, (int)payload["review"]!["version"]!);
        var review = await ReadAsync(current, Editor);
        Assert.Equal(2, (int)review["version"]!);
        Assert.Equal((string?)current["headline"], (string?)review["headline"]);
    }

    [Fact]
    public async Task Two_concurrent_updates_of_one_version_one_wins_the_other_conflicts()
    {
        var review = await CreateAsync();
        for (var round = 0; round < 5; round++)
        {
            var version = (int)review["version"]!;
            var payloads = await Task.WhenAll(
                MutateAsync("updateReview", At(review, new { headline = $"First {round}" })),
                MutateAsync("updateReview", At(review, new { headline = $"Second {round}" })));

            var winner = Assert.Single(payloads, p => p["errors"]!.AsArray().Count == 0);
            var loser = Assert.Single(payloads, p => p["errors"]!.AsArray().Count > 0);
            Assert.Equal(("expectedVersion", "VERSION_CONFLICT"), ErrorOf(loser));
            Assert.Equal(version + 1, (int)loser["errors"]![0]!["currentVersion"]!);
            review = await ReadAsync(winner["review"]!, Editor);
            Assert.Equal(version + 1, (int)review["version"]!);
            Assert.Equal((string?)winner["review"]!["headline"], (string?)review["headline"]);
        }
    }

    [Fact]
    public async Task Concurrent_delete_and_update_of_one_version_one_wins_and_nothing_comes_back()
    {
        // Several rounds, so both orders of commit are likely to happen.
        for (var round = 0; round < 5; round++)
        {
            var review = await CreateAsync();
            var payloads = await Task.WhenAll(MutateAsync("deleteReview", At(review)), MutateAsync("updateReview", At(review, new { headline = "Still here" })));

            var loser = Assert.Single(payloads, p => p["errors"]!.AsArray().Count > 0);
            var code = ErrorOf(loser).Code;
            Assert.True(code is "VERSION_CONFLICT" or "NOT_FOUND", code);
            var stored = (await GraphQL.DataAsync(ReadBack, new { id = (string)review["id"]! }, Editor))["review"];
            if (ReferenceEquals(loser, payloads[1])) Assert.Null(stored); // the delete won: the update must not bring the review back
            else Assert.Equal("Still here", (string?)stored!["headline"]);
        }
    }

    public static TheoryData<string> Mutations => ["createReview", "updateReview", "publishReview", "unpublishReview", "deleteReview", "restoreReviewRevision"];

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Anonymous_and_wrong_role_callers_are_refused(string mutation)
    {
        var review = await CreateAsync();
        var input = mutation switch
        {
            "createReview" => NewReview(),
            "restoreReviewRevision" => At(review, new { revision = 1 }),
            "updateReview" => At(review, new { headline = "Not allowed" }),
            _ => At(review),
        };
        var moderator = await CreateTokenAsync("Review tests moderator", "MODERATOR");
        var before = await ReviewCountAsync();

        await AssertRefusedAsync(mutation, input, token: null, "AUTH_NOT_AUTHENTICATED");
        await AssertRefusedAsync(mutation, input, moderator, "AUTH_NOT_AUTHORIZED");

        Assert.Equal(before, await ReviewCountAsync());
        Assert.Equal(1, (int)(await ReadAsync(review, Editor))["version"]!);
    }

    [Fact]
    public async Task Revoked_editor_token_is_refused()
    {
        var editor = await Tokens.CreateAsync("Review tests revoked editor", "EDITOR");
        var review = await CreateAsync();
        Assert.Empty((await MutateAsync("updateReview", At(review, new { byline = "Allowed" }), editor.Secret))["errors"]!.AsArray());

        await RevokeTokenAsync(editor);

        await AssertRefusedAsync("createReview", NewReview(), editor.Secret, "AUTH_NOT_AUTHENTICATED");
        await AssertRefusedAsync("publishReview", new { id = (string)review["id"]!, expectedVersion = 2 }, editor.Secret, "AUTH_NOT_AUTHENTICATED");
        Assert.Equal("DRAFT", (string?)(await ReadAsync(review, Editor))["status"]);
    }

    [Fact]
    public async Task Admin_may_edit_reviews()
    {
        var payload = await MutateAsync("createReview", NewReview("her"), ApiFactory.AdminToken);

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("her-2", (string?)payload["review"]!["slug"]);
    }

    /// <summary>The read paths on which the caller comes across the review.</summary>
    private async Task<List<string>> PathsShowingAsync(JsonNode review, string? token)
    {
        var data = await GraphQL.DataAsync("""
            query Paths($id: ID!, $slug: String!) {
              bySlug: review(slug: $slug) { id }
              byId: review(id: $id) { id }
              reviews(first: 100) { nodes { id } }
              node(id: $id) { id }
              search(query: "zyxwvutsrq") { nodes { ... on Review { id } } }
              film(slug: "inherent-vice") { reviews { id } }
            }
            """, new { id = (string)review["id"]!, slug = (string)review["slug"]! }, token);
        bool Is(JsonNode? node) => (string?)node?["id"] == (string?)review["id"];
        var shown = new Dictionary<string, bool>
        {
            ["review(slug:)"] = Is(data["bySlug"]),
            ["review(id:)"] = Is(data["byId"]),
            ["reviews"] = data["reviews"]!["nodes"]!.AsArray().Any(Is),
            ["node"] = Is(data["node"]),
            ["search"] = data["search"]!["nodes"]!.AsArray().Any(Is),
            ["film.reviews"] = data["film"]!["reviews"]!.AsArray().Any(Is),
        };
        return [.. shown.Where(path => path.Value).Select(path => path.Key)];
    }

    private async Task AssertRefusedAsync(string mutation, object input, string? token, string code)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var response = await GraphQL.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ ...Payload }} }} {Payload}", new { input }, token: token);
        Assert.Equal(200, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
        Assert.Null(response.Data![mutation]);
    }

    private async Task<JsonNode> ReadAsync(JsonNode review, string? token)
    {
        var data = await GraphQL.DataAsync(token is null ? ReadBack : EditorReadBack, new { id = (string)review["id"]! }, token);
        return data["review"] ?? throw new Xunit.Sdk.XunitException("The review is not readable.");
    }

    private static DateTimeOffset Instant(JsonNode? value) => DateTimeOffset.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture);
}
