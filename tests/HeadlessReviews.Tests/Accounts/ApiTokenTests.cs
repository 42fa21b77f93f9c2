using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Accounts;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Npgsql;

namespace HeadlessReviews.Tests.Accounts;

/// <summary>
/// API tokens end to end: created by an admin with the secret shown once, stored as a hash, sent as
/// bearer tokens, revoked for every instance from the next request on, never written to a log.
/// </summary>
public sealed class ApiTokenTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string Create = """
        mutation Create($input: CreateApiTokenInput!) {
          createApiToken(input: $input) {
            clientMutationId
            token { id name roles createdAt createdBy lastUsedAt revokedAt }
            secret
            errors { field code message }
          }
        }
        """;

    private const string Revoke = """
        mutation Revoke($id: ID!) {
          revokeApiToken(input: { id: $id }) { apiToken { id revokedAt } errors { field code message } }
        }
        """;

    private static readonly string[] Editor = [Roles.Editor];
    private static readonly string[] EditorTwice = [Roles.Editor, Roles.Editor];
    private static readonly string[] Admin = [Roles.Admin];
    private static readonly string[] Reader = [Roles.Reader];

    private const string List = "{ apiTokens { id name roles createdAt lastUsedAt revokedAt } }";

    // Needs EDITOR: the draft and its status.
    private const string DraftQuery = """{ review(slug: "the-master") { headline status } }""";

    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _tokens.DeleteAllAsync();

    [Fact]
    public async Task Admin_creates_a_token_whose_secret_is_shown_once_and_works_as_a_bearer_token()
    {
        var response = await GraphQL.PostAsync(Create, new
        {
            input = new { clientMutationId = "m-1", name = "  Alex (editor)  ", roles = EditorTwice },
        }, token: ApiFactory.AdminToken);

        Assert.Null(response.Errors);
        var payload = response.Data!["createApiToken"]!;
        var token = payload["token"]!;
        _tokens.Track(GlobalId.DecodeAs((string)token["id"]!, "ApiToken")!.Value);
        Assert.Equal("m-1", (string)payload["clientMutationId"]!);
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("Alex (editor)", (string)token["name"]!);
        Assert.Equal(["EDITOR"], Strings(token["roles"]));
        Assert.Contains("admin", (string)token["createdBy"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(token["lastUsedAt"]);
        Assert.Null(token["revokedAt"]);

        var secret = (string)payload["secret"]!;
        Assert.Matches("^hr_[A-Za-z0-9_-]{43,}$", secret);
        Assert.True(Base64Url.DecodeFromChars(secret.AsSpan(3)).Length >= 32, "A secret carries at least 256 random bits.");

        var draft = (await GraphQL.DataAsync(DraftQuery, token: secret))["review"]!;
        Assert.Equal("DRAFT", (string)draft["status"]!);

        // Shown once: the list of tokens, and the ApiToken type itself, never give it again.
        var list = await GraphQL.PostAsync(List, token: ApiFactory.AdminToken);
        Assert.Null(list.Errors);
        Assert.Contains(list.Data!["apiTokens"]!.AsArray(), listed => (string)listed!["id"]! == (string)token["id"]!);
        Assert.DoesNotContain(secret[3..], list.Body, StringComparison.Ordinal);
        var fields = await GraphQL.DataAsync("""{ __type(name: "ApiToken") { fields { name } } }""");
        var names = fields["__type"]!["fields"]!.AsArray().Select(field => (string)field!["name"]!).ToList();
        Assert.DoesNotContain(names, name => name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("hash", StringComparison.OrdinalIgnoreCase));

        var another = await _tokens.CreateAsync("Another", Roles.Editor);
        Assert.NotEqual(secret, another.Secret);
    }

    [Fact]
    public async Task Stored_token_holds_only_the_SHA_256_hash_of_its_secret()
    {
        var token = await _tokens.CreateAsync("Hash only", Roles.Moderator);
        await GraphQL.DataAsync("""{ film(slug: "her") { title } }""", token: token.Secret); // and records its use
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Secret)));

        await using (var session = Api.Store.QuerySession())
        {
            var stored = await session.LoadAsync<ApiToken>(token.DocumentId);
            Assert.Equal(hash, stored!.SecretHash);
            Assert.Equal([Roles.Moderator], stored.Roles);
            Assert.DoesNotContain(token.Secret[3..], await session.Json.FindByIdAsync<ApiToken>(token.DocumentId), StringComparison.Ordinal);
        }
        // No row of any table holds the secret; the same search does find its hash.
        Assert.Empty(await ColumnsHoldingAsync(token.Secret[3..]));
        Assert.Contains(await ColumnsHoldingAsync(hash), column => column.Contains("apitoken", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Name_and_roles_are_checked_and_nothing_is_written_on_a_mistake()
    {
        var before = await CountTokensAsync();

        Assert.Equal(["name REQUIRED", "roles REQUIRED"], await UserErrorsAsync(new { name = (string?)null, roles = Array.Empty<string>() }));
        Assert.Equal(["name REQUIRED"], await UserErrorsAsync(new { name = "   ", roles = Editor }));
        Assert.Equal(["name LENGTH"], await UserErrorsAsync(new { name = new string('n', 101), roles = Editor }));

        // A role outside the enum, or no roles at all, never gets past validation.
        foreach (var input in new object[] { new { name = "Reader", roles = Reader }, new { name = "No roles" } })
        {
            var response = await GraphQL.PostAsync(Create, new { input }, token: ApiFactory.AdminToken);
            Assert.Equal(400, response.Status);
            Assert.NotNull(response.Errors);
            Assert.Null(response.Data);
        }

        Assert.Equal(before, await CountTokensAsync());
        var longest = await _tokens.CreateAsync(new string('n', 100), Roles.Editor, Roles.Moderator, Roles.Admin);
        Assert.Equal(before + 1, await CountTokensAsync());
        Assert.NotNull(longest.Secret);
    }

    [Fact]
    public async Task Creating_revoking_and_listing_tokens_need_ADMIN()
    {
        var editor = await _tokens.CreateAsync("Editor", Roles.Editor);
        var moderator = await _tokens.CreateAsync("Moderator", Roles.Moderator);
        var target = await _tokens.CreateAsync("Target", Roles.Editor);
        var before = await CountTokensAsync();

        (string Field, string Query, object? Variables)[] operations =
        [
            ("createApiToken", Create, new { input = new { name = "Sneaky", roles = Admin } }),
            ("revokeApiToken", Revoke, new { id = target.Id }),
            ("apiTokens", List, null),
        ];
        (string? Token, string Code)[] callers =
        [
            (null, AccessErrors.NotAuthenticated),
            (editor.Secret, AccessErrors.NotAuthorized),
            (moderator.Secret, AccessErrors.NotAuthorized),
        ];
        foreach (var (field, query, variables) in operations)
        {
            foreach (var (token, code) in callers)
            {
                var response = await GraphQL.PostAsync(query, variables, token: token);

                Assert.Equal(200, response.Status);
                var error = Assert.Single(response.Errors!);
                Assert.Equal(code, (string)error!["extensions"]!["code"]!);
                Assert.Equal([field], Strings(error["path"]));
                Assert.Contains("ADMIN", (string)error["message"]!, StringComparison.Ordinal);
                Assert.Null(response.Data?[field]);
                Assert.DoesNotContain("hr_", response.Body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await CountTokensAsync());
        Assert.Equal("DRAFT", (string)(await GraphQL.DataAsync(DraftQuery, token: target.Secret))["review"]!["status"]!);
    }

    [Fact]
    public async Task Revoked_token_is_refused_from_the_very_next_request()
    {
        var token = await _tokens.CreateAsync("Soon revoked", Roles.Editor);
        Assert.Equal("DRAFT", (string)(await GraphQL.DataAsync(DraftQuery, token: token.Secret))["review"]!["status"]!);

        var revoked = (await GraphQL.DataAsync(Revoke, new { id = token.Id }, ApiFactory.AdminToken))["revokeApiToken"]!;
        Assert.Empty(revoked["errors"]!.AsArray());
        var revokedAt = (string?)revoked["apiToken"]!["revokedAt"];
        Assert.NotNull(revokedAt);

        await AssertRefusedAsync(GraphQL, token.Secret);

        // Revoking again changes nothing: the first time stands, and the token stays refused.
        var again = (await GraphQL.DataAsync(Revoke, new { id = token.Id }, ApiFactory.AdminToken))["revokeApiToken"]!;
        Assert.Equal(revokedAt, (string?)again["apiToken"]!["revokedAt"]);
        var listed = (await GraphQL.DataAsync(List, token: ApiFactory.AdminToken))["apiTokens"]!.AsArray().Single(t => (string)t!["id"]! == token.Id)!;
        Assert.Equal(revokedAt, (string?)listed["revokedAt"]);
        await AssertRefusedAsync(GraphQL, token.Secret);
    }

    [Fact]
    public async Task Revocation_holds_on_every_instance_from_the_next_request()
    {
        using var second = new SecondInstance(Api);
        var other = second.CreateGraphQLClient();

        // Revoked here, refused there...
        var token = await _tokens.CreateAsync("Used on the second instance", Roles.Editor);
        Assert.Equal("DRAFT", (string)(await other.DataAsync(DraftQuery, token: token.Secret))["review"]!["status"]!);
        await GraphQL.DataAsync(Revoke, new { id = token.Id }, ApiFactory.AdminToken);
        await AssertRefusedAsync(other, token.Secret);

        // ...and revoked there, refused here.
        var created = (await other.DataAsync(Create, new { input = new { name = "Made on the second instance", roles = Editor } }, ApiFactory.AdminToken))["createApiToken"]!;
        var id = (string)created["token"]!["id"]!;
        _tokens.Track(GlobalId.DecodeAs(id, "ApiToken")!.Value);
        var secret = (string)created["secret"]!;
        Assert.Equal("DRAFT", (string)(await GraphQL.DataAsync(DraftQuery, token: secret))["review"]!["status"]!);
        await other.DataAsync(Revoke, new { id }, ApiFactory.AdminToken);
        await AssertRefusedAsync(GraphQL, secret);
    }

    [Fact]
    public async Task Revoking_needs_the_id_of_an_existing_token()
    {
        var review = GlobalId.Encode("Review", DemoIds.For("review", "her"));

        Assert.Equal(["id WRONG_TYPE"], await RevokeErrorsAsync(review));
        Assert.Equal(["id NOT_FOUND"], await RevokeErrorsAsync(GlobalId.Encode("ApiToken", Guid.NewGuid())));
        Assert.Equal(["id FORMAT"], await RevokeErrorsAsync("not-an-id"));
    }

    [Fact]
    public async Task Last_used_time_is_set_when_the_token_is_used()
    {
        var token = await _tokens.CreateAsync("Used once", Roles.Moderator);
        Assert.Null((string?)(await ListedAsync(token))["lastUsedAt"]);

        var beforeUse = DateTimeOffset.UtcNow.AddSeconds(-1);
        await GraphQL.DataAsync("""{ film(slug: "her") { title } }""", token: token.Secret);

        var listed = await ListedAsync(token);
        var lastUsed = DateTimeOffset.Parse((string)listed["lastUsedAt"]!, CultureInfo.InvariantCulture);
        Assert.InRange(lastUsed, beforeUse, DateTimeOffset.UtcNow.AddSeconds(1));
        await using var session = Api.Store.QuerySession();
        Assert.NotNull((await session.LoadAsync<ApiToken>(token.DocumentId))!.LastUsedAt);
    }

    [Fact]
    public async Task Token_is_a_node_for_admins_only()
    {
        var token = await _tokens.CreateAsync("As a node", Roles.Editor);
        const string Query = "query($id: ID!) { node(id: $id) { id ... on ApiToken { name } } }";

        var asAdmin = await GraphQL.DataAsync(Query, new { id = token.Id }, ApiFactory.AdminToken);
        Assert.Equal("As a node", (string)asAdmin["node"]!["name"]!);
        foreach (var caller in new[] { null, token.Secret })
            Assert.Null((await GraphQL.DataAsync(Query, new { id = token.Id }, caller))["node"]);
    }

    [Fact]
    public void Admin_token_setting_that_could_never_be_presented_stops_the_service_at_start()
    {
        using var host = new ServiceHost("Development", new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = Api.ConnectionString,
            ["HeadlessReviews:AdminToken"] = "s3cret!",
        });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString();

        Assert.Contains("HeadlessReviews:AdminToken", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret!", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_never_reach_the_logs()
    {
        using var second = new SecondInstance(Api);
        var client = second.CreateGraphQLClient();

        // Every way a secret travels: the bootstrap secret, a new token's creation, use and revocation,
        // an unknown one, a malformed one, one in a Basic header, and one beside a broken query.
        var created = (await client.DataAsync(Create, new { input = new { name = "Logged", roles = Editor } }, ApiFactory.AdminToken))["createApiToken"]!;
        var id = (string)created["token"]!["id"]!;
        _tokens.Track(GlobalId.DecodeAs(id, "ApiToken")!.Value);
        var secret = (string)created["secret"]!;
        var unknown = TokenSecrets.Generate();
        await client.DataAsync(DraftQuery, token: secret);
        await client.PostAsync(DraftQuery, token: unknown);
        await client.PostAsync("{ review(slug: ", token: secret);
        await WithAuthorization(second, $"Bearer {secret}!").PostAsync(DraftQuery);
        await WithAuthorization(second, $"Basic {secret}").PostAsync(DraftQuery);
        await client.DataAsync(Revoke, new { id }, ApiFactory.AdminToken);
        await client.PostAsync(DraftQuery, token: secret);

        var lines = second.Logs.Lines;
        Assert.Contains(lines, line => line.Contains("/graphql", StringComparison.Ordinal)); // the collector does see requests
        foreach (var leaked in new[] { secret[3..], unknown[3..], ApiFactory.AdminToken })
            Assert.DoesNotContain(lines, line => line.Contains(leaked, StringComparison.Ordinal));
    }

    /// <summary>A refused token: no draft, and a field that needs a role says the token was revoked.</summary>
    private static async Task AssertRefusedAsync(GraphQLClient client, string secret)
    {
        var response = await client.PostAsync("""{ review(slug: "the-master") { headline } reviews(first: 1) { nodes { status } } }""", token: secret);
        Assert.Equal(200, response.Status);
        Assert.Null(response.Data!["review"]);
        var error = Assert.Single(response.Errors!);
        Assert.Equal(AccessErrors.NotAuthenticated, (string)error!["extensions"]!["code"]!);
        Assert.Contains("revoked", (string)error["message"]!, StringComparison.Ordinal);
    }

    private async Task<List<string>> UserErrorsAsync(object input)
    {
        var payload = (await GraphQL.DataAsync(Create, new { input }, ApiFactory.AdminToken))["createApiToken"]!;
        Assert.Null(payload["token"]);
        Assert.Null(payload["secret"]);
        return [.. payload["errors"]!.AsArray().Select(error => $"{string.Join('.', Strings(error!["field"]))} {error["code"]}")];
    }

    private async Task<List<string>> RevokeErrorsAsync(string id)
    {
        var payload = (await GraphQL.DataAsync(Revoke, new { id }, ApiFactory.AdminToken))["revokeApiToken"]!;
        Assert.Null(payload["apiToken"]);
        return [.. payload["errors"]!.AsArray().Select(error => $"{string.Join('.', Strings(error!["field"]))} {error["code"]}")];
    }

    private async Task<JsonNode> ListedAsync(TestToken token) =>
        (await GraphQL.DataAsync(List, token: ApiFactory.AdminToken))["apiTokens"]!.AsArray().Single(t => (string)t!["id"]! == token.Id)!;

    private async Task<int> CountTokensAsync()
    {
        await using var session = Api.Store.QuerySession();
        return await session.Query<ApiToken>().CountAsync();
    }

    /// <summary>Every text or JSON column, of every table in the database, that holds <paramref name="text"/> in some row.</summary>
    private async Task<List<string>> ColumnsHoldingAsync(string text)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var find = new NpgsqlCommand("""
            select format('%I.%I.%I', c.table_schema, c.table_name, c.column_name)
              from information_schema.columns c
              join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
             where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
               and c.data_type in ('jsonb', 'json', 'text', 'character varying')
            """, connection))
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        Assert.Contains(columns, column => column.Contains("apitoken", StringComparison.OrdinalIgnoreCase));

        var holding = new List<string>();
        foreach (var column in columns)
        {
            var parts = column.Split('.');
            await using var count = new NpgsqlCommand($"select count(*) from {parts[0]}.{parts[1]} where strpos({parts[2]}::text, $1) > 0", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = text });
            if ((long)(await count.ExecuteScalarAsync())! > 0) holding.Add(column);
        }
        return holding;
    }

    private static GraphQLClient WithAuthorization(SecondInstance instance, string authorization)
    {
        var http = instance.CreateClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return new GraphQLClient(http);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(node => node!.ToString())];
}
