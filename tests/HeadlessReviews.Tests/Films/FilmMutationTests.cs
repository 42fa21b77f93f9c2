using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Tests.Infrastructure;
using Marten;

namespace HeadlessReviews.Tests.Films;

/// <summary>
/// <c>createFilm</c>, <c>updateFilm</c>, <c>deleteFilm</c> through HTTP: stored results read back, user
/// errors with their paths, nothing written on a mistake, tokens and roles, versions under concurrency,
/// reviews in the way of a deletion, slugs. Every film, person, review and token made here is removed
/// after each test, so the demo catalogue the other tests read stays as it is.
/// </summary>
public sealed class FilmMutationTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string Fields = """
        id version slug title year ukReleaseDate runtimeMinutes certificate genres synopsis
        poster { url altText width height }
        directors { id } writers { id } cast { person { id } character billing }
        """;

    private const string Payload = $"clientMutationId film {{ {Fields} }} errors {{ field code message currentVersion }}";

    private static readonly Dictionary<string, string> Mutations = new()
    {
        ["createFilm"] = $"mutation($input: CreateFilmInput!) {{ createFilm(input: $input) {{ {Payload} }} }}",
        ["updateFilm"] = $"mutation($input: UpdateFilmInput!) {{ updateFilm(input: $input) {{ {Payload} }} }}",
        ["deleteFilm"] = $"mutation($input: DeleteFilmInput!) {{ deleteFilm(input: $input) {{ {Payload} }} }}",
    };

    private readonly List<Guid> _films = [];
    private readonly List<Guid> _people = [];
    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));
    private string _editor = "";
    private Person _director = null!;
    private Person _actor = null!;

    public async Task InitializeAsync()
    {
        _editor = await TokenAsync(Roles.Editor);
        _director = await PersonAsync("Director");
        _actor = await PersonAsync("Actor");
    }

    [Fact]
    public async Task Create_stores_every_field()
    {
        var input = NewFilm();
        input["clientMutationId"] = "create-1";

        var payload = await MutateAsync("createFilm", input);

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("create-1", (string?)payload["clientMutationId"]);
        Assert.Equal(1, (int?)payload["film"]!["version"]);
        var stored = await ReadAsync((string)payload["film"]!["id"]!);
        Assert.Equal(payload["film"]!.ToJsonString(), stored!.ToJsonString());
        Assert.Equal((string)input["title"]!, (string?)stored["title"]);
        Assert.Equal(Slugs.FromText((string)input["title"]!), (string?)stored["slug"]);
        Assert.Equal(2021, (int?)stored["year"]);
        Assert.Equal("2021-10-01", (string?)stored["ukReleaseDate"]);
        Assert.Equal(121, (int?)stored["runtimeMinutes"]);
        Assert.Equal("TWELVE_A", (string?)stored["certificate"]);
        Assert.Equal(["Drama", "Comedy"], stored["genres"]!.AsArray().Select(g => (string)g!));
        Assert.Equal("Two people, one flat.", (string?)stored["synopsis"]);
        Assert.Equal("""{"url":"https://images.example.org/p.jpg","altText":"The poster","width":600,"height":900}""", stored["poster"]!.ToJsonString());
        Assert.Equal([Id(_director)], stored["directors"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal([Id(_director)], stored["writers"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal(Id(_actor), (string?)stored["cast"]![0]!["person"]!["id"]);
        Assert.Equal("Ann", (string?)stored["cast"]![0]!["character"]);
        Assert.Equal(1, (int?)stored["cast"]![0]!["billing"]);
    }

    [Fact]
    public async Task Update_changes_what_is_sent_clears_nulls_and_keeps_the_rest()
    {
        var film = await CreateAsync();

        var payload = await MutateAsync("updateFilm", new JsonObject
        {
            ["id"] = (string)film["id"]!,
            ["expectedVersion"] = 1,
            ["title"] = "  Renamed Film  ",
            ["synopsis"] = null,
            ["poster"] = null,
            ["cast"] = new JsonArray(),
        });

        Assert.Empty(payload["errors"]!.AsArray());
        var stored = await ReadAsync((string)film["id"]!);
        Assert.Equal(2, (int?)stored!["version"]);
        Assert.Equal("Renamed Film", (string?)stored["title"]);
        // The slug is a permalink: a new title does not move it.
        Assert.Equal((string?)film["slug"], (string?)stored["slug"]);
        Assert.Null(stored["synopsis"]);
        Assert.Null(stored["poster"]);
        Assert.Empty(stored["cast"]!.AsArray());
        Assert.Equal(2021, (int?)stored["year"]);
        Assert.Equal("TWELVE_A", (string?)stored["certificate"]);
        Assert.Equal([Id(_director)], stored["directors"]!.AsArray().Select(p => (string)p!["id"]!));
    }

    [Fact]
    public async Task Delete_removes_a_film_without_reviews()
    {
        var film = await CreateAsync();

        var payload = await MutateAsync("deleteFilm", new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["clientMutationId"] = "d" });

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Null(payload["film"]);
        Assert.Equal("d", (string?)payload["clientMutationId"]);
        Assert.Null(await ReadAsync((string)film["id"]!));
    }

    [Fact]
    public async Task Admin_holds_the_editor_role()
    {
        var payload = await MutateAsync("createFilm", NewFilm(), ApiFactory.AdminToken);

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.NotNull(await ReadAsync((string)payload["film"]!["id"]!));
    }

    [Theory]
    [InlineData("title", "\"  \"", "title", "REQUIRED")]
    [InlineData("title", "\"@text201\"", "title", "LENGTH")]
    [InlineData("slug", "\"Not A Slug\"", "slug", "FORMAT")]
    [InlineData("slug", "\"her\"", "slug", "SLUG_TAKEN")]
    [InlineData("year", "1887", "year", "OUT_OF_RANGE")]
    [InlineData("year", "3000", "year", "OUT_OF_RANGE")]
    [InlineData("ukReleaseDate", "\"1700-01-01\"", "ukReleaseDate", "OUT_OF_RANGE")]
    [InlineData("runtimeMinutes", "0", "runtimeMinutes", "OUT_OF_RANGE")]
    [InlineData("runtimeMinutes", "1001", "runtimeMinutes", "OUT_OF_RANGE")]
    [InlineData("genres", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]", "genres", "LENGTH")]
    [InlineData("genres", "[\"Drama\",\" \"]", "genres.1", "REQUIRED")]
    [InlineData("genres", "[\"@text41\"]", "genres.0", "LENGTH")]
    [InlineData("synopsis", "\"@text2001\"", "synopsis", "LENGTH")]
    [InlineData("poster", "{\"url\":\"ftp://images.example.org/p.jpg\",\"altText\":\"Poster\"}", "poster.url", "FORMAT")]
    [InlineData("poster", "{\"url\":\"images/p.jpg\",\"altText\":\"Poster\"}", "poster.url", "FORMAT")]
    [InlineData("poster", "{\"url\":\"https://images.example.org/p.jpg\",\"altText\":\"\"}", "poster.altText", "REQUIRED")]
    [InlineData("poster", "{\"url\":\"https://images.example.org/p.jpg\",\"altText\":\"Poster\",\"width\":0}", "poster.width", "OUT_OF_RANGE")]
    [InlineData("directorIds", "[\"not-an-id\"]", "directorIds.0", "FORMAT")]
    [InlineData("directorIds", "[\"@missing\"]", "directorIds.0", "NOT_FOUND")]
    [InlineData("writerIds", "[\"@film\"]", "writerIds.0", "WRONG_TYPE")]
    [InlineData("cast", "[{\"personId\":\"@missing\"}]", "cast.0.personId", "NOT_FOUND")]
    [InlineData("cast", "[{\"personId\":\"@actor\",\"character\":\"@text201\"}]", "cast.0.character", "LENGTH")]
    [InlineData("cast", "[{\"personId\":\"@actor\",\"billing\":0}]", "cast.0.billing", "OUT_OF_RANGE")]
    public async Task Create_reports_a_mistake_and_writes_nothing(string field, string json, string path, string code)
    {
        var input = NewFilm();
        input[field] = Resolve(json);
        var before = await CountFilmsAsync();

        var payload = await MutateAsync("createFilm", input);

        AssertError(payload, path, code);
        Assert.Null(payload["film"]);
        Assert.Equal(before, await CountFilmsAsync());
    }

    [Fact]
    public async Task Create_reports_every_mistake_at_once()
    {
        var input = NewFilm();
        input["title"] = "";
        input["runtimeMinutes"] = 0;
        input["cast"] = new JsonArray(new JsonObject { ["personId"] = GlobalId.Encode("Person", Guid.NewGuid()) });

        var payload = await MutateAsync("createFilm", input);

        Assert.Equal(
            ["title:REQUIRED", "runtimeMinutes:OUT_OF_RANGE", "cast.0.personId:NOT_FOUND"],
            payload["errors"]!.AsArray().Select(e => $"{string.Join('.', e!["field"]!.AsArray().Select(f => (string)f!))}:{(string)e["code"]!}"));
    }

    [Fact]
    public async Task An_unknown_certificate_is_refused_by_the_schema()
    {
        var input = NewFilm();
        input["certificate"] = "X";
        var before = await CountFilmsAsync();

        var response = await GraphQL.PostAsync(Mutations["createFilm"], new JsonObject { ["input"] = input }, token: _editor);

        Assert.NotNull(response.Errors);
        Assert.Equal(before, await CountFilmsAsync());
    }

    [Theory]
    [InlineData("title", "null", "title", "REQUIRED")]
    [InlineData("title", "\"\"", "title", "REQUIRED")]
    [InlineData("year", "null", "year", "REQUIRED")]
    [InlineData("slug", "\"her\"", "slug", "SLUG_TAKEN")]
    [InlineData("slug", "\"-bad-\"", "slug", "FORMAT")]
    [InlineData("runtimeMinutes", "5000", "runtimeMinutes", "OUT_OF_RANGE")]
    [InlineData("directorIds", "[\"@missing\"]", "directorIds.0", "NOT_FOUND")]
    [InlineData("id", "\"@actor\"", "id", "WRONG_TYPE")]
    [InlineData("id", "\"@missing-film\"", "id", "NOT_FOUND")]
    [InlineData("id", "\"nonsense\"", "id", "FORMAT")]
    [InlineData("expectedVersion", "0", "expectedVersion", "REQUIRED")]
    public async Task Update_reports_a_mistake_and_changes_nothing(string field, string json, string path, string code)
    {
        var film = await CreateAsync();
        var input = new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["title"] = "Changed" };
        input[field] = Resolve(json);

        var payload = await MutateAsync("updateFilm", input);

        AssertError(payload, path, code);
        Assert.Equal(film.ToJsonString(), (await ReadAsync((string)film["id"]!))!.ToJsonString());
    }

    [Theory]
    [InlineData("id", "\"@actor\"", "id", "WRONG_TYPE")]
    [InlineData("id", "\"@missing-film\"", "id", "NOT_FOUND")]
    [InlineData("expectedVersion", "-1", "expectedVersion", "REQUIRED")]
    public async Task Delete_reports_a_mistake_and_deletes_nothing(string field, string json, string path, string code)
    {
        var film = await CreateAsync();
        var input = new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1 };
        input[field] = Resolve(json);

        var payload = await MutateAsync("deleteFilm", input);

        AssertError(payload, path, code);
        Assert.NotNull(await ReadAsync((string)film["id"]!));
    }

    [Theory]
    [InlineData("createFilm", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("createFilm", "moderator", "AUTH_NOT_AUTHORIZED")]
    [InlineData("createFilm", "revoked", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("updateFilm", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("updateFilm", "moderator", "AUTH_NOT_AUTHORIZED")]
    [InlineData("updateFilm", "revoked", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("deleteFilm", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("deleteFilm", "moderator", "AUTH_NOT_AUTHORIZED")]
    [InlineData("deleteFilm", "revoked", "AUTH_NOT_AUTHENTICATED")]
    public async Task Only_editors_may_change_films(string mutation, string caller, string expectedCode)
    {
        var film = await CreateAsync();
        var token = caller switch
        {
            "moderator" => await TokenAsync(Roles.Moderator),
            "revoked" => await RevokedTokenAsync(),
            _ => null,
        };
        var input = mutation == "createFilm" ? NewFilm() : new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1 };
        if (mutation == "updateFilm") input["title"] = "Changed";
        var before = await CountFilmsAsync();

        var response = await GraphQL.PostAsync(Mutations[mutation], new JsonObject { ["input"] = input }, token: token);

        Assert.Equal(expectedCode, response.FirstErrorCode);
        Assert.Null(response.Data?[mutation]);
        Assert.Equal(before, await CountFilmsAsync());
        Assert.Equal(film.ToJsonString(), (await ReadAsync((string)film["id"]!))!.ToJsonString());
    }

    [Fact]
    public async Task Two_concurrent_updates_of_one_version_one_wins()
    {
        var film = await CreateAsync();
        JsonObject Update(string title) => new() { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["title"] = title };

        var payloads = await Task.WhenAll(MutateAsync("updateFilm", Update("Version A")), MutateAsync("updateFilm", Update("Version B")));

        var winner = Assert.Single(payloads, p => p["errors"]!.AsArray().Count == 0);
        var loser = Assert.Single(payloads, p => p["errors"]!.AsArray().Count > 0);
        var conflict = Assert.Single(loser["errors"]!.AsArray())!;
        Assert.Equal("VERSION_CONFLICT", (string?)conflict["code"]);
        Assert.Equal(["expectedVersion"], conflict["field"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(2, (int?)conflict["currentVersion"]);
        var stored = await ReadAsync((string)film["id"]!);
        Assert.Equal(2, (int?)stored!["version"]);
        Assert.Equal((string?)winner["film"]!["title"], (string?)stored["title"]);
    }

    // Fails today: deleteFilm's Delete drops its queued revision check, and updateFilm's revisioned
    // write is an upsert that brings a film deleted meanwhile back. PersonMutations shows a fix.
    [Fact]
    public async Task An_update_racing_a_delete_never_brings_the_film_back()
    {
        // Several rounds, so both orders of commit are likely to happen.
        for (var round = 0; round < 10; round++)
        {
            var film = await CreateAsync();
            var update = new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["title"] = "Updated" };
            var delete = new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1 };

            var payloads = await Task.WhenAll(MutateAsync("updateFilm", update), MutateAsync("deleteFilm", delete));

            var stored = await ReadAsync((string)film["id"]!);
            var succeeded = payloads.Count(p => p["errors"]!.AsArray().Count == 0);
            Assert.True(succeeded == 1, $"Round {round}: {payloads[0].ToJsonString()} {payloads[1].ToJsonString()}");
            if (payloads[1]["errors"]!.AsArray().Count == 0) Assert.Null(stored);
            else Assert.Equal("Updated", (string?)stored!["title"]);
        }
    }

    [Fact]
    public async Task Search_finds_a_film_by_what_it_says_now()
    {
        // Made-up words no demo document holds, so only this film can match them.
        var film = await CreateAsync("Quillworth Abroad");
        Assert.Equal([(string)film["id"]!], await SearchIdsAsync("quillworth"));

        await MutateAsync("updateFilm", new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["title"] = "Brannigate", ["synopsis"] = "A zephyrine summer." });

        Assert.Empty(await SearchIdsAsync("quillworth"));
        Assert.Equal([(string)film["id"]!], await SearchIdsAsync("brannigate"));
        Assert.Equal([(string)film["id"]!], await SearchIdsAsync("zephyr"));

        await MutateAsync("deleteFilm", new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 2 });

        Assert.Empty(await SearchIdsAsync("brannigate"));
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_the_current_version()
    {
        var film = await CreateAsync();
        await MutateAsync("updateFilm", new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["title"] = "Second" });
        var current = await ReadAsync((string)film["id"]!);

        var payload = await MutateAsync("updateFilm", new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["title"] = "Stale" });

        var conflict = AssertError(payload, "expectedVersion", "VERSION_CONFLICT");
        Assert.Equal(2, (int?)conflict["currentVersion"]);
        // The payload shows the film as it is now, so the editor can reapply the change.
        Assert.Equal("Second", (string?)payload["film"]!["title"]);
        Assert.Equal(current!.ToJsonString(), (await ReadAsync((string)film["id"]!))!.ToJsonString());
    }

    [Fact]
    public async Task A_stale_delete_is_refused()
    {
        var film = await CreateAsync();
        await MutateAsync("updateFilm", new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1, ["title"] = "Second" });

        var payload = await MutateAsync("deleteFilm", new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1 });

        Assert.Equal(2, (int?)AssertError(payload, "expectedVersion", "VERSION_CONFLICT")["currentVersion"]);
        Assert.NotNull(await ReadAsync((string)film["id"]!));
    }

    [Fact]
    public async Task A_reviewed_film_is_kept_unless_the_delete_cascades()
    {
        var film = await CreateAsync();
        var filmId = GlobalId.DecodeAs((string)film["id"]!, "Film")!.Value;
        var (reviewSlugs, commentIds) = await ReviewAsync(filmId);
        var input = new JsonObject { ["id"] = (string)film["id"]!, ["expectedVersion"] = 1 };

        var refused = await MutateAsync("deleteFilm", input);

        var inUse = AssertError(refused, "id", "IN_USE");
        foreach (var slug in reviewSlugs) Assert.Contains(slug, (string)inUse["message"]!, StringComparison.Ordinal);
        Assert.NotNull(await ReadAsync((string)film["id"]!));
        Assert.Equal((2, 2), await CountReviewsAndCommentsAsync(filmId, commentIds));

        input["cascade"] = true;
        var deleted = await MutateAsync("deleteFilm", input);

        Assert.Empty(deleted["errors"]!.AsArray());
        Assert.Null(await ReadAsync((string)film["id"]!));
        Assert.Equal((0, 0), await CountReviewsAndCommentsAsync(filmId, commentIds));
    }

    [Fact]
    public async Task Slugs_are_made_from_titles_and_kept_unique()
    {
        var first = await CreateAsync(title: "Test Film");
        var second = await CreateAsync(title: "Test Film");

        Assert.Equal("test-film", (string?)first["slug"]);
        Assert.Equal("test-film-2", (string?)second["slug"]);
        Assert.Equal("test-film-2", (string?)(await ReadAsync((string)second["id"]!))!["slug"]);
    }

    [Fact]
    public async Task A_given_slug_is_kept_and_a_taken_one_refused()
    {
        var input = NewFilm();
        input["slug"] = "a-chosen-slug";
        var chosen = await MutateAsync("createFilm", input);
        Assert.Equal("a-chosen-slug", (string?)chosen["film"]!["slug"]);

        var taken = NewFilm();
        taken["slug"] = "a-chosen-slug";
        var refused = await MutateAsync("createFilm", taken);
        Assert.Contains("a-chosen-slug", (string)AssertError(refused, "slug", "SLUG_TAKEN")["message"]!, StringComparison.Ordinal);

        // Keeping one's own slug on update is no clash.
        var same = await MutateAsync("updateFilm", new JsonObject { ["id"] = (string)chosen["film"]!["id"]!, ["expectedVersion"] = 1, ["slug"] = "a-chosen-slug" });
        Assert.Empty(same["errors"]!.AsArray());
    }

    // Helpers

    private JsonObject NewFilm(string? title = null) => new()
    {
        ["title"] = title ?? $"Mutation Film {Guid.NewGuid():N}",
        ["year"] = 2021,
        ["ukReleaseDate"] = "2021-10-01",
        ["runtimeMinutes"] = 121,
        ["certificate"] = "TWELVE_A",
        ["genres"] = new JsonArray("Drama", "Comedy"),
        ["synopsis"] = "Two people, one flat.",
        ["poster"] = new JsonObject { ["url"] = "https://images.example.org/p.jpg", ["altText"] = "The poster", ["width"] = 600, ["height"] = 900 },
        ["directorIds"] = new JsonArray(Id(_director)),
        ["writerIds"] = new JsonArray(Id(_director)),
        ["cast"] = new JsonArray(new JsonObject { ["personId"] = Id(_actor), ["character"] = "Ann" }),
    };

    /// <summary>A JSON value from a test case: <c>@textN</c> stands for N characters, other <c>@names</c> for ids.</summary>
    private JsonNode? Resolve(string json)
    {
        var text = json
            .Replace("@text2001", new string('t', 2001), StringComparison.Ordinal)
            .Replace("@text201", new string('t', 201), StringComparison.Ordinal)
            .Replace("@text41", new string('t', 41), StringComparison.Ordinal)
            .Replace("@missing-film", GlobalId.Encode("Film", Guid.NewGuid()), StringComparison.Ordinal)
            .Replace("@missing", GlobalId.Encode("Person", Guid.NewGuid()), StringComparison.Ordinal)
            .Replace("@actor", Id(_actor), StringComparison.Ordinal)
            .Replace("@film", GlobalId.Encode("Film", Guid.NewGuid()), StringComparison.Ordinal);
        return JsonNode.Parse(text);
    }

    private static string Id(Person person) => GlobalId.Encode("Person", person.Id);

    private async Task<JsonNode> CreateAsync(string? title = null)
    {
        var payload = await MutateAsync("createFilm", NewFilm(title));
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["film"]!;
    }

    /// <summary>Runs one of the three mutations and returns its payload; every film it creates is removed after the test.</summary>
    private async Task<JsonNode> MutateAsync(string mutation, JsonObject input, string? token = null)
    {
        var data = await GraphQL.DataAsync(Mutations[mutation], new JsonObject { ["input"] = input.DeepClone() }, token ?? _editor);
        var payload = data[mutation]!;
        if (mutation == "createFilm" && GlobalId.DecodeAs((string?)payload["film"]?["id"], "Film") is { } id) lock (_films) _films.Add(id);
        return payload;
    }

    private async Task<List<string>> SearchIdsAsync(string query)
    {
        var data = await GraphQL.DataAsync("query($query: String!) { search(query: $query, first: 10) { nodes { ... on Film { id } } } }", new { query });
        return [.. data["search"]!["nodes"]!.AsArray().Select(node => (string)node!["id"]!)];
    }

    private async Task<JsonNode?> ReadAsync(string id) =>
        (await GraphQL.DataAsync($"query($id: ID!) {{ film(id: $id) {{ {Fields} }} }}", new { id }))["film"];

    private static JsonNode AssertError(JsonNode payload, string path, string code)
    {
        var errors = payload["errors"]!.AsArray();
        var error = Assert.Single(errors)!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.Equal(path.Split('.'), error["field"]!.AsArray().Select(f => (string)f!));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        return error;
    }

    private async Task<int> CountFilmsAsync()
    {
        await using var session = Api.Store.QuerySession();
        return await session.Query<Film>().CountAsync();
    }

    private async Task<Person> PersonAsync(string role)
    {
        var person = new Person { Id = Guid.NewGuid(), Name = $"Mutation {role}", Slug = $"mutation-{role.ToLowerInvariant()}-{Guid.NewGuid():N}" };
        await using var session = Api.Store.LightweightSession();
        session.Insert(person);
        await session.SaveChangesAsync();
        _people.Add(person.Id);
        return person;
    }

    private static readonly ReviewStatus[] ReviewStatuses = [ReviewStatus.Draft, ReviewStatus.Published];

    /// <summary>A draft and a published review of the film, each with a comment.</summary>
    private async Task<(List<string> Slugs, List<Guid> Comments)> ReviewAsync(Guid filmId)
    {
        var slugs = new List<string>();
        var comments = new List<Guid>();
        var now = DateTimeOffset.UtcNow;
        await using var session = Api.Store.LightweightSession();
        foreach (var status in ReviewStatuses)
        {
            var review = new Review
            {
                Id = Guid.NewGuid(), Slug = $"mutation-review-{Guid.NewGuid():N}", Headline = "Review – Mutation", FilmId = filmId, Byline = "Tester",
                Status = status, PublishedAt = status == ReviewStatus.Published ? now : null, CreatedAt = now, UpdatedAt = now,
            };
            var comment = new Comment { Id = Guid.NewGuid(), ReviewId = review.Id, AuthorName = "Reader", AuthorEmail = "reader@example.org", Body = "Hm.", PostedAt = now };
            session.Insert(review);
            session.Insert(comment);
            slugs.Add(review.Slug);
            comments.Add(comment.Id);
        }
        await session.SaveChangesAsync();
        return (slugs, comments);
    }

    private async Task<(int Reviews, int Comments)> CountReviewsAndCommentsAsync(Guid filmId, List<Guid> commentIds)
    {
        await using var session = Api.Store.QuerySession();
        return (await session.Query<Review>().CountAsync(r => r.FilmId == filmId),
                (await session.LoadManyAsync<Comment>(commentIds)).Count);
    }

    private async Task<string> TokenAsync(string role) => (await _tokens.CreateAsync("film mutation tests", role)).Secret;

    private async Task<string> RevokedTokenAsync()
    {
        var token = await _tokens.CreateAsync("film mutation tests (revoked)", Roles.Editor);
        await GraphQL.DataAsync("mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { errors { code } } }",
            new { input = new { id = token.Id } }, ApiFactory.AdminToken);
        return token.Secret;
    }

    public async Task DisposeAsync()
    {
        await using var session = Api.Store.LightweightSession();
        foreach (var film in _films)
        {
            session.QueueSqlCommand($"delete from {Tables.Comments} where review_id in (select id from {Tables.Reviews} where film_id = ?)", film);
            session.DeleteWhere<Review>(r => r.FilmId == film);
            session.Delete<Film>(film);
        }
        foreach (var person in _people) session.Delete<Person>(person);
        await session.SaveChangesAsync();
        await _tokens.DeleteAllAsync();
    }
}
