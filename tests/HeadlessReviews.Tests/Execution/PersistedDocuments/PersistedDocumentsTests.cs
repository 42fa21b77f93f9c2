using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Execution.PersistedDocuments;

/// <summary>
/// Documents by id: Apollo's automatic persisted queries (register once with the text, then the hash
/// alone, on any instance) and trusted documents (an admin's manifest, <c>documentId</c>), with the
/// TrustedOnly mode that runs nothing else for callers without a token.
/// </summary>
public sealed class PersistedDocumentsTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private TestTokens Tokens => field ??= new(Api, GraphQL);

    private string _editor = "";

    public async Task InitializeAsync() => _editor = (await Tokens.CreateAsync("Persisted documents editor", "EDITOR")).Secret;

    public Task DisposeAsync() => Tokens.DeleteAllAsync();

    /// <summary>A document no other test sends, so the shared database has not seen its hash.</summary>
    private static string UniqueQuery() => $"query Persisted_{Guid.NewGuid():N} {{ film(slug: \"her\") {{ title }} }}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object Apq(string hash, int version = 1) => new { persistedQuery = new { version, sha256Hash = hash } };

    private static Task<GraphQLResponse> PostAsync(GraphQLClient client, object body, string? token = null) =>
        client.SendAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(body), "application/json", GraphQLClient.GraphQLResponse, token);

    [Fact]
    public async Task An_unknown_hash_is_asked_for_then_registered_then_runs_alone_on_every_instance()
    {
        var query = UniqueQuery();
        var hash = Hash(query);

        var unknown = await PostAsync(GraphQL, new { extensions = Apq(hash) });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.FirstErrorCode);
        Assert.Equal("PersistedQueryNotFound", (string?)unknown.Errors![0]!["message"]);

        var registered = await PostAsync(GraphQL, new { query, extensions = Apq(hash) });
        Assert.Equal("Her", (string?)registered.Data?["film"]?["title"]);

        var byHash = await PostAsync(GraphQL, new { extensions = Apq(hash) });
        Assert.Equal("Her", (string?)byHash.Data?["film"]?["title"]);

        // Shared through PostgreSQL: another instance knows it without being told.
        await using var other = new SecondInstance(Api);
        var elsewhere = await PostAsync(other.CreateGraphQLClient(), new { extensions = Apq(hash) });
        Assert.Equal("Her", (string?)elsewhere.Data?["film"]?["title"]);
    }

    [Fact]
    public async Task A_hash_alone_works_by_GET_and_is_cacheable()
    {
        var query = UniqueQuery();
        var hash = Hash(query);
        await PostAsync(GraphQL, new { query, extensions = Apq(hash) });

        var url = "/graphql?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(Apq(hash)));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);
        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"Her\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_text_that_is_not_what_its_hash_says_is_refused_and_not_stored()
    {
        var query = UniqueQuery();
        var claimed = Hash(UniqueQuery());

        var refused = await PostAsync(GraphQL, new { query, extensions = Apq(claimed) });
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", refused.FirstErrorCode);
        Assert.Null(refused.Data);

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(GraphQL, new { extensions = Apq(claimed) })).FirstErrorCode);
    }

    public static TheoryData<string, string> InvalidDocuments => new()
    {
        { "syntax", "query { film(slug: \"her\") { title }" },
        { "unknown field", "query { film(slug: \"her\") { title nonsense } }" },
        { "too costly", "query { films(first: 100) { nodes { reviews { comments(first: 100) { nodes { replies { replies { id } } } } } } } }" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task A_document_that_does_not_validate_answers_its_errors_and_is_not_stored(string kind, string text)
    {
        var query = $"{text} # {kind} {Guid.NewGuid():N}";
        var hash = Hash(query);

        var refused = await PostAsync(GraphQL, new { query, extensions = Apq(hash) });
        Assert.NotNull(refused.Errors);
        Assert.Null(refused.Data);
        Assert.DoesNotContain("PERSISTED", refused.FirstErrorCode ?? "", StringComparison.Ordinal);

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(GraphQL, new { extensions = Apq(hash) })).FirstErrorCode);
        Assert.False(await StoredAsync(hash));
    }

    [Fact]
    public async Task A_document_larger_than_the_cap_is_refused_and_not_stored()
    {
        // Padded with comment lines: one line that long would be refused by the line-length bound first.
        var query = UniqueQuery() + string.Concat(Enumerable.Repeat("\n# " + new string('x', 1021), 70));
        var hash = Hash(query);

        var refused = await PostAsync(GraphQL, new { query, extensions = Apq(hash) });
        Assert.Equal("PERSISTED_DOCUMENT_TOO_LARGE", refused.FirstErrorCode);
        Assert.Equal(400, refused.Status);
        Assert.False(await StoredAsync(hash));
        // The same document without a hash runs as any other.
        Assert.Equal("Her", (string?)(await PostAsync(GraphQL, new { query })).Data?["film"]?["title"]);
    }

    [Theory]
    [InlineData(2, "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(1, "not-a-hash")]
    [InlineData(1, "00000000000000000000000000000000000000000000000000000000000000FF")]
    public async Task A_malformed_persisted_query_is_refused(int version, string hash)
    {
        var refused = await PostAsync(GraphQL, new { extensions = Apq(hash, version) });
        Assert.Equal("PERSISTED_QUERY_INVALID", refused.FirstErrorCode);
    }

    [Fact]
    public async Task The_admin_registers_a_manifest_and_documentId_runs_it()
    {
        var query = UniqueQuery();
        var hash = Hash(query);
        using var registered = await RegisterAsync(new Dictionary<string, string> { [$"sha256:{hash}"] = query }, ApiFactory.AdminToken);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("\"registered\":1", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var run = await PostAsync(GraphQL, new { documentId = $"sha256:{hash}" });
        Assert.Equal("Her", (string?)run.Data?["film"]?["title"]);
        Assert.Equal("PERSISTED_DOCUMENT_ID_INVALID", (await PostAsync(GraphQL, new { documentId = "md5:abc" })).FirstErrorCode);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(GraphQL, new { documentId = $"sha256:{Hash(UniqueQuery())}" })).FirstErrorCode);
    }

    [Fact]
    public async Task Registering_needs_an_admin_and_right_ids_and_is_all_or_nothing()
    {
        var good = UniqueQuery();
        var manifest = new Dictionary<string, string> { [Hash(good)] = good, [Hash(UniqueQuery())] = UniqueQuery() };

        using (var anonymous = await RegisterAsync(manifest, token: null)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var editor = await RegisterAsync(manifest, _editor)) Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        using (var wrong = await RegisterAsync(manifest, ApiFactory.AdminToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("nothing was registered", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(GraphQL, new { documentId = $"sha256:{Hash(good)}" })).FirstErrorCode);
    }

    [Fact]
    public async Task TrustedOnly_runs_only_registered_documents_for_callers_without_a_token()
    {
        var automatic = UniqueQuery();
        await PostAsync(GraphQL, new { query = automatic, extensions = Apq(Hash(automatic)) });
        var trusted = UniqueQuery();
        using (await RegisterAsync(new Dictionary<string, string> { [Hash(trusted)] = trusted }, ApiFactory.AdminToken)) { }

        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:PersistedDocuments:Mode", "TrustedOnly"));
        var client = new GraphQLClient(host.CreateClient());

        Assert.Equal("Her", (string?)(await PostAsync(client, new { documentId = $"sha256:{Hash(trusted)}" })).Data?["film"]?["title"]);
        Assert.Equal("Her", (string?)(await PostAsync(client, new { extensions = Apq(Hash(trusted)) })).Data?["film"]?["title"]);
        Assert.Equal("PERSISTED_DOCUMENT_REQUIRED", (await client.PostAsync(UniqueQuery())).FirstErrorCode);
        // A client's own registration counts for nothing here, old or new.
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(client, new { extensions = Apq(Hash(automatic)) })).FirstErrorCode);
        var fresh = UniqueQuery();
        Assert.Equal("PERSISTED_DOCUMENT_NOT_TRUSTED", (await PostAsync(client, new { query = fresh, extensions = Apq(Hash(fresh)) })).FirstErrorCode);
        // An editor in the IDE still writes queries freely.
        var editor = await client.PostAsync(UniqueQuery(), token: _editor);
        Assert.Equal("Her", (string?)editor.Data?["film"]?["title"]);
    }

    [Fact]
    public async Task A_persisted_mutation_is_still_refused_by_GET()
    {
        const string mutation = "mutation { revokeApiToken(input: { id: \"none\" }) { errors { code } } }";
        var hash = Hash(mutation);
        using (await RegisterAsync(new Dictionary<string, string> { [hash] = mutation }, ApiFactory.AdminToken)) { }

        var response = await GraphQL.SendAsync(HttpMethod.Get, $"/graphql?documentId=sha256:{hash}", null, null, GraphQLClient.GraphQLResponse);
        Assert.Equal(405, response.Status);
    }

    private async Task<bool> StoredAsync(string hash)
    {
        await using var connection = Api.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var select = new Npgsql.NpgsqlCommand("select count(*) from public.hr_persisted_documents where hash = $1", connection) { Parameters = { new() { Value = hash } } };
        return (long)(await select.ExecuteScalarAsync())! > 0;
    }

    private async Task<HttpResponseMessage> RegisterAsync(Dictionary<string, string> manifest, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/persisted-documents") { Content = new StringContent(JsonSerializer.Serialize(manifest), Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await GraphQL.Http.SendAsync(request);
    }
}
