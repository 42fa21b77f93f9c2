using System.Text.Json.Nodes;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;
using Marten;

namespace HeadlessReviews.Tests.People;

/// <summary>
/// <c>createPerson</c>, <c>updatePerson</c>, <c>deletePerson</c> through HTTP: stored results read back,
/// user errors with their paths, nothing written on a mistake, tokens and roles, versions under
/// concurrency, credits in the way of a deletion, slugs. Every person, film and token made here is
/// removed after each test, so the demo catalogue the other tests read stays as it is.
/// </summary>
public sealed class PersonMutationTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string Fields = "id version slug name bio image { url altText width height }";

    private const string Payload = $"clientMutationId person {{ {Fields} }} errors {{ field code message currentVersion }}";

    private const string FilmFields = "id version title directors { id } writers { id } cast { person { id } character billing }";

    private static readonly Dictionary<string, string> Mutations = new()
    {
        ["createPerson"] = $"mutation($input: CreatePersonInput!) {{ createPerson(input: $input) {{ {Payload} }} }}",
        ["updatePerson"] = $"mutation($input: UpdatePersonInput!) {{ updatePerson(input: $input) {{ {Payload} }} }}",
        ["deletePerson"] = $"mutation($input: DeletePersonInput!) {{ deletePerson(input: $input) {{ {Payload} }} }}",
    };

    private readonly List<Guid> _people = [];
    private readonly List<Guid> _films = [];
    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));
    private string _editor = "";

    public async Task InitializeAsync() => _editor = await TokenAsync(Roles.Editor);

    [Fact]
    public async Task Create_stores_every_field()
    {
        var input = NewPerson();
        input["clientMutationId"] = "create-1";

        var payload = await MutateAsync("createPerson", input);

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("create-1", (string?)payload["clientMutationId"]);
        var stored = await ReadAsync((string)payload["person"]!["id"]!);
        Assert.Equal(payload["person"]!.ToJsonString(), stored!.ToJsonString());
        Assert.Equal(1, (int?)stored["version"]);
        Assert.Equal((string)input["name"]!, (string?)stored["name"]);
        Assert.Equal(((string)input["name"]!).ToLowerInvariant().Replace(' ', '-'), (string?)stored["slug"]);
        Assert.Equal("Born somewhere, acts everywhere.", (string?)stored["bio"]);
        Assert.Equal("""{"url":"https://images.example.org/face.jpg","altText":"A portrait","width":400,"height":500}""", stored["image"]!.ToJsonString());
    }

    [Fact]
    public async Task Update_changes_what_is_sent_clears_nulls_and_keeps_the_rest()
    {
        var person = await CreateAsync();

        var payload = await MutateAsync("updatePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["name"] = " Renamed Person ", ["bio"] = null });

        Assert.Empty(payload["errors"]!.AsArray());
        var stored = await ReadAsync((string)person["id"]!);
        Assert.Equal(2, (int?)stored!["version"]);
        Assert.Equal("Renamed Person", (string?)stored["name"]);
        // The slug is a permalink: a new name does not move it.
        Assert.Equal((string?)person["slug"], (string?)stored["slug"]);
        Assert.Null(stored["bio"]);
        Assert.Equal(person["image"]!.ToJsonString(), stored["image"]!.ToJsonString());

        var cleared = await MutateAsync("updatePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 2, ["image"] = null });
        Assert.Empty(cleared["errors"]!.AsArray());
        Assert.Null((await ReadAsync((string)person["id"]!))!["image"]);
    }

    [Fact]
    public async Task Delete_removes_a_person_without_credits()
    {
        var person = await CreateAsync();

        var payload = await MutateAsync("deletePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["clientMutationId"] = "d" });

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Null(payload["person"]);
        Assert.Equal("d", (string?)payload["clientMutationId"]);
        Assert.Null(await ReadAsync((string)person["id"]!));
    }

    [Fact]
    public async Task Admin_holds_the_editor_role()
    {
        var payload = await MutateAsync("createPerson", NewPerson(), ApiFactory.AdminToken);

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.NotNull(await ReadAsync((string)payload["person"]!["id"]!));
    }

    [Theory]
    [InlineData("name", "\" \"", "name", "REQUIRED")]
    [InlineData("name", "\"@text201\"", "name", "LENGTH")]
    [InlineData("bio", "\"@text4001\"", "bio", "LENGTH")]
    [InlineData("slug", "\"Bad Slug\"", "slug", "FORMAT")]
    [InlineData("slug", "\"a--b\"", "slug", "FORMAT")]
    [InlineData("slug", "\"@text201\"", "slug", "FORMAT")]
    [InlineData("slug", "\"joaquin-phoenix\"", "slug", "SLUG_TAKEN")]
    [InlineData("image", "{\"url\":\"ftp://images.example.org/face.jpg\",\"altText\":\"A portrait\"}", "image.url", "FORMAT")]
    [InlineData("image", "{\"url\":\"face.jpg\",\"altText\":\"A portrait\"}", "image.url", "FORMAT")]
    [InlineData("image", "{\"url\":\" \",\"altText\":\"A portrait\"}", "image.url", "REQUIRED")]
    [InlineData("image", "{\"url\":\"https://images.example.org/face.jpg\",\"altText\":\"\"}", "image.altText", "REQUIRED")]
    [InlineData("image", "{\"url\":\"https://images.example.org/face.jpg\",\"altText\":\"@text301\"}", "image.altText", "LENGTH")]
    [InlineData("image", "{\"url\":\"https://images.example.org/face.jpg\",\"altText\":\"A portrait\",\"width\":0}", "image.width", "OUT_OF_RANGE")]
    [InlineData("image", "{\"url\":\"https://images.example.org/face.jpg\",\"altText\":\"A portrait\",\"height\":20001}", "image.height", "OUT_OF_RANGE")]
    public async Task Create_reports_a_mistake_and_writes_nothing(string field, string json, string path, string code)
    {
        var input = NewPerson();
        input[field] = Resolve(json);
        var before = await CountPeopleAsync();

        var payload = await MutateAsync("createPerson", input);

        AssertError(payload, path, code);
        Assert.Null(payload["person"]);
        Assert.Equal(before, await CountPeopleAsync());
    }

    [Fact]
    public async Task Create_reports_every_mistake_at_once()
    {
        var input = NewPerson();
        input["name"] = "";
        input["bio"] = new string('t', 4001);
        input["image"] = new JsonObject { ["url"] = "nowhere", ["altText"] = "" };

        var payload = await MutateAsync("createPerson", input);

        Assert.Equal(
            ["name:REQUIRED", "bio:LENGTH", "image.url:FORMAT", "image.altText:REQUIRED"],
            payload["errors"]!.AsArray().Select(e => $"{string.Join('.', e!["field"]!.AsArray().Select(f => (string)f!))}:{(string)e["code"]!}"));
    }

    [Theory]
    [InlineData("name", "null", "name", "REQUIRED")]
    [InlineData("name", "\"\"", "name", "REQUIRED")]
    [InlineData("bio", "\"@text4001\"", "bio", "LENGTH")]
    [InlineData("slug", "\"joaquin-phoenix\"", "slug", "SLUG_TAKEN")]
    [InlineData("slug", "\"Joaquin\"", "slug", "FORMAT")]
    [InlineData("image", "{\"url\":\"javascript:alert(1)\",\"altText\":\"x\"}", "image.url", "FORMAT")]
    [InlineData("id", "\"@film\"", "id", "WRONG_TYPE")]
    [InlineData("id", "\"@missing\"", "id", "NOT_FOUND")]
    [InlineData("id", "\"nonsense\"", "id", "FORMAT")]
    [InlineData("expectedVersion", "0", "expectedVersion", "REQUIRED")]
    public async Task Update_reports_a_mistake_and_changes_nothing(string field, string json, string path, string code)
    {
        var person = await CreateAsync();
        var input = new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["name"] = "Changed" };
        input[field] = Resolve(json);

        var payload = await MutateAsync("updatePerson", input);

        AssertError(payload, path, code);
        Assert.Equal(person.ToJsonString(), (await ReadAsync((string)person["id"]!))!.ToJsonString());
    }

    [Theory]
    [InlineData("id", "\"@film\"", "id", "WRONG_TYPE")]
    [InlineData("id", "\"@missing\"", "id", "NOT_FOUND")]
    [InlineData("expectedVersion", "0", "expectedVersion", "REQUIRED")]
    public async Task Delete_reports_a_mistake_and_deletes_nothing(string field, string json, string path, string code)
    {
        var person = await CreateAsync();
        var input = new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1 };
        input[field] = Resolve(json);

        var payload = await MutateAsync("deletePerson", input);

        AssertError(payload, path, code);
        Assert.NotNull(await ReadAsync((string)person["id"]!));
    }

    [Theory]
    [InlineData("createPerson", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("createPerson", "moderator", "AUTH_NOT_AUTHORIZED")]
    [InlineData("createPerson", "revoked", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("updatePerson", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("updatePerson", "moderator", "AUTH_NOT_AUTHORIZED")]
    [InlineData("updatePerson", "revoked", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("deletePerson", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("deletePerson", "moderator", "AUTH_NOT_AUTHORIZED")]
    [InlineData("deletePerson", "revoked", "AUTH_NOT_AUTHENTICATED")]
    public async Task Only_editors_may_change_people(string mutation, string caller, string expectedCode)
    {
        var person = await CreateAsync();
        var token = caller switch
        {
            "moderator" => await TokenAsync(Roles.Moderator),
            "revoked" => await RevokedTokenAsync(),
            _ => null,
        };
        var input = mutation == "createPerson" ? NewPerson() : new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1 };
        if (mutation == "updatePerson") input["name"] = "Changed";
        var before = await CountPeopleAsync();

        var response = await GraphQL.PostAsync(Mutations[mutation], new JsonObject { ["input"] = input }, token: token);

        Assert.Equal(expectedCode, response.FirstErrorCode);
        Assert.Null(response.Data?[mutation]);
        Assert.Equal(before, await CountPeopleAsync());
        Assert.Equal(person.ToJsonString(), (await ReadAsync((string)person["id"]!))!.ToJsonString());
    }

    [Fact]
    public async Task Two_concurrent_updates_of_one_version_one_wins()
    {
        var person = await CreateAsync();
        JsonObject Update(string name) => new() { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["name"] = name };

        var payloads = await Task.WhenAll(MutateAsync("updatePerson", Update("Name A")), MutateAsync("updatePerson", Update("Name B")));

        var winner = Assert.Single(payloads, p => p["errors"]!.AsArray().Count == 0);
        var loser = Assert.Single(payloads, p => p["errors"]!.AsArray().Count > 0);
        Assert.Equal(2, (int?)AssertError(loser, "expectedVersion", "VERSION_CONFLICT")["currentVersion"]);
        var stored = await ReadAsync((string)person["id"]!);
        Assert.Equal(2, (int?)stored!["version"]);
        Assert.Equal((string?)winner["person"]!["name"], (string?)stored["name"]);
    }

    [Fact]
    public async Task An_update_racing_a_delete_never_brings_the_person_back()
    {
        // Several rounds, so both orders of commit are likely to happen.
        for (var round = 0; round < 10; round++)
        {
            var person = await CreateAsync();
            var update = new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["name"] = "Updated" };
            var delete = new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1 };

            var payloads = await Task.WhenAll(MutateAsync("updatePerson", update), MutateAsync("deletePerson", delete));

            var stored = await ReadAsync((string)person["id"]!);
            var succeeded = payloads.Count(p => p["errors"]!.AsArray().Count == 0);
            Assert.True(succeeded == 1, $"Round {round}: {payloads[0].ToJsonString()} {payloads[1].ToJsonString()}");
            if (payloads[1]["errors"]!.AsArray().Count == 0) Assert.Null(stored);
            else Assert.Equal("Updated", (string?)stored!["name"]);
        }
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_the_current_version()
    {
        var person = await CreateAsync();
        await MutateAsync("updatePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["name"] = "Second" });
        var current = await ReadAsync((string)person["id"]!);

        var payload = await MutateAsync("updatePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["name"] = "Stale" });

        Assert.Equal(2, (int?)AssertError(payload, "expectedVersion", "VERSION_CONFLICT")["currentVersion"]);
        // The payload shows the person as they are now, so the editor can reapply the change.
        Assert.Equal("Second", (string?)payload["person"]!["name"]);
        Assert.Equal(current!.ToJsonString(), (await ReadAsync((string)person["id"]!))!.ToJsonString());
    }

    [Fact]
    public async Task A_stale_delete_is_refused()
    {
        var person = await CreateAsync();
        await MutateAsync("updatePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["name"] = "Second" });

        var payload = await MutateAsync("deletePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1 });

        Assert.Equal(2, (int?)AssertError(payload, "expectedVersion", "VERSION_CONFLICT")["currentVersion"]);
        Assert.NotNull(await ReadAsync((string)person["id"]!));
    }

    [Fact]
    public async Task A_credited_person_is_kept_unless_the_delete_cascades()
    {
        var person = await CreateAsync();
        var personId = GlobalId.DecodeAs((string)person["id"]!, "Person")!.Value;
        var other = await CreateAsync();
        var otherId = GlobalId.DecodeAs((string)other["id"]!, "Person")!.Value;
        var directed = await FilmAsync(film => { film.DirectorIds = [personId, otherId]; film.WriterIds = [personId]; });
        var acted = await FilmAsync(film => film.Cast = [new CastMember(otherId, "Lead", 1), new CastMember(personId, "Friend", 2)]);
        var input = new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1 };

        var refused = await MutateAsync("deletePerson", input);

        var inUse = AssertError(refused, "id", "IN_USE");
        Assert.Contains(directed.Slug, (string)inUse["message"]!, StringComparison.Ordinal);
        Assert.Contains(acted.Slug, (string)inUse["message"]!, StringComparison.Ordinal);
        Assert.NotNull(await ReadAsync((string)person["id"]!));
        Assert.Equal(1, (int?)(await ReadFilmAsync(directed.Id))!["version"]);

        input["cascade"] = true;
        var deleted = await MutateAsync("deletePerson", input);

        Assert.Empty(deleted["errors"]!.AsArray());
        Assert.Null(await ReadAsync((string)person["id"]!));
        // Only the deleted person's credits are gone; everyone else keeps theirs, and each film's version moved on.
        var directedNow = (await ReadFilmAsync(directed.Id))!;
        Assert.Equal(2, (int?)directedNow["version"]);
        Assert.Equal([(string)other["id"]!], directedNow["directors"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Empty(directedNow["writers"]!.AsArray());
        var actedNow = (await ReadFilmAsync(acted.Id))!;
        Assert.Equal(2, (int?)actedNow["version"]);
        Assert.Equal("""[{"person":{"id":"ID"},"character":"Lead","billing":1}]""".Replace("ID", (string)other["id"]!, StringComparison.Ordinal), actedNow["cast"]!.ToJsonString());
        await using var session = Api.Store.QuerySession();
        Assert.DoesNotContain(personId, (await session.LoadAsync<Film>(acted.Id))!.CreditedPersonIds);
    }

    [Fact]
    public async Task A_cascade_racing_a_film_edit_loses_neither_change()
    {
        var person = await CreateAsync();
        var personId = GlobalId.DecodeAs((string)person["id"]!, "Person")!.Value;
        var film = await FilmAsync(f => f.DirectorIds = [personId]);
        var edit = new JsonObject { ["id"] = GlobalId.Encode("Film", film.Id), ["expectedVersion"] = 1, ["title"] = "Edited Meanwhile" };

        var results = await Task.WhenAll(
            MutateAsync("deletePerson", new JsonObject { ["id"] = (string)person["id"]!, ["expectedVersion"] = 1, ["cascade"] = true }),
            GraphQL.DataAsync("mutation($input: UpdateFilmInput!) { updateFilm(input: $input) { errors { code currentVersion } } }", new JsonObject { ["input"] = edit }, _editor));

        // The deletion always goes through; the film edit either lands before it (and is kept) or is refused.
        Assert.Empty(results[0]["errors"]!.AsArray());
        var editErrors = results[1]["updateFilm"]!["errors"]!.AsArray();
        var stored = (await ReadFilmAsync(film.Id))!;
        Assert.Empty(stored["directors"]!.AsArray());
        if (editErrors.Count == 0)
        {
            Assert.Equal("Edited Meanwhile", (string?)stored["title"]);
            Assert.Equal(3, (int?)stored["version"]);
        }
        else
        {
            Assert.Equal("VERSION_CONFLICT", (string?)editErrors[0]!["code"]);
            Assert.Equal(film.Title, (string?)stored["title"]);
            Assert.Equal(2, (int?)stored["version"]);
        }
    }

    [Fact]
    public async Task Slugs_are_made_from_names_and_kept_unique()
    {
        var first = await CreateAsync(name: "Test Person");
        var second = await CreateAsync(name: "Test Person");

        Assert.Equal("test-person", (string?)first["slug"]);
        Assert.Equal("test-person-2", (string?)second["slug"]);
        Assert.Equal("test-person-2", (string?)(await ReadAsync((string)second["id"]!))!["slug"]);
    }

    [Fact]
    public async Task A_given_slug_is_kept_and_a_taken_one_refused()
    {
        var input = NewPerson();
        input["slug"] = "a-chosen-person";
        var chosen = await MutateAsync("createPerson", input);
        Assert.Equal("a-chosen-person", (string?)chosen["person"]!["slug"]);

        var taken = NewPerson();
        taken["slug"] = "a-chosen-person";
        var refused = await MutateAsync("createPerson", taken);
        Assert.Contains("a-chosen-person", (string)AssertError(refused, "slug", "SLUG_TAKEN")["message"]!, StringComparison.Ordinal);

        // Keeping one's own slug on update is no clash.
        var same = await MutateAsync("updatePerson", new JsonObject { ["id"] = (string)chosen["person"]!["id"]!, ["expectedVersion"] = 1, ["slug"] = "a-chosen-person" });
        Assert.Empty(same["errors"]!.AsArray());
    }

    // Helpers

    private static JsonObject NewPerson(string? name = null) => new()
    {
        ["name"] = name ?? $"Mutation Person {Guid.NewGuid():N}",
        ["bio"] = "Born somewhere, acts everywhere.",
        ["image"] = new JsonObject { ["url"] = "https://images.example.org/face.jpg", ["altText"] = "A portrait", ["width"] = 400, ["height"] = 500 },
    };

    /// <summary>A JSON value from a test case: <c>@textN</c> stands for N characters, other <c>@names</c> for ids.</summary>
    private static JsonNode? Resolve(string json) => JsonNode.Parse(json
        .Replace("@text4001", new string('t', 4001), StringComparison.Ordinal)
        .Replace("@text301", new string('t', 301), StringComparison.Ordinal)
        .Replace("@text201", new string('t', 201), StringComparison.Ordinal)
        .Replace("@missing", GlobalId.Encode("Person", Guid.NewGuid()), StringComparison.Ordinal)
        .Replace("@film", GlobalId.Encode("Film", Guid.NewGuid()), StringComparison.Ordinal));

    private async Task<JsonNode> CreateAsync(string? name = null)
    {
        var payload = await MutateAsync("createPerson", NewPerson(name));
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["person"]!;
    }

    /// <summary>Runs one of the three mutations and returns its payload; every person it creates is removed after the test.</summary>
    private async Task<JsonNode> MutateAsync(string mutation, JsonObject input, string? token = null)
    {
        var data = await GraphQL.DataAsync(Mutations[mutation], new JsonObject { ["input"] = input.DeepClone() }, token ?? _editor);
        var payload = data[mutation]!;
        if (mutation == "createPerson" && GlobalId.DecodeAs((string?)payload["person"]?["id"], "Person") is { } id) lock (_people) _people.Add(id);
        return payload;
    }

    private async Task<JsonNode?> ReadAsync(string id) =>
        (await GraphQL.DataAsync($"query($id: ID!) {{ person(id: $id) {{ {Fields} }} }}", new { id }))["person"];

    private async Task<JsonNode?> ReadFilmAsync(Guid id) =>
        (await GraphQL.DataAsync($"query($id: ID!) {{ film(id: $id) {{ {FilmFields} }} }}", new { id = GlobalId.Encode("Film", id) }))["film"];

    private static JsonNode AssertError(JsonNode payload, string path, string code)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.Equal(path.Split('.'), error["field"]!.AsArray().Select(f => (string)f!));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        return error;
    }

    private async Task<int> CountPeopleAsync()
    {
        await using var session = Api.Store.QuerySession();
        return await session.Query<Person>().CountAsync();
    }

    /// <summary>A film of this test's own, stored directly, crediting whom <paramref name="credit"/> says.</summary>
    private async Task<Film> FilmAsync(Action<Film> credit)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var film = new Film { Id = Guid.NewGuid(), Title = $"Credited Film {suffix}", Slug = $"credited-film-{suffix}", Year = 2020 };
        credit(film);
        await using var session = Api.Store.LightweightSession();
        session.Insert(film);
        await session.SaveChangesAsync();
        _films.Add(film.Id);
        return film;
    }

    private async Task<string> TokenAsync(string role) => (await _tokens.CreateAsync("person mutation tests", role)).Secret;

    private async Task<string> RevokedTokenAsync()
    {
        var token = await _tokens.CreateAsync("person mutation tests (revoked)", Roles.Editor);
        await GraphQL.DataAsync("mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { errors { code } } }",
            new { input = new { id = token.Id } }, ApiFactory.AdminToken);
        return token.Secret;
    }

    public async Task DisposeAsync()
    {
        await using var session = Api.Store.LightweightSession();
        foreach (var film in _films) session.Delete<Film>(film);
        foreach (var person in _people) session.Delete<Person>(person);
        await session.SaveChangesAsync();
        await _tokens.DeleteAllAsync();
    }
}
