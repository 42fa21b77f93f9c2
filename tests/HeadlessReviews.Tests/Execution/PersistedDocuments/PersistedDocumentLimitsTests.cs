using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HeadlessReviews.Tests.Comments.Posting;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Execution.PersistedDocuments;

/// <summary>
/// Persisted documents are not free storage: on hosts of their own (the shared one has the limits
/// raised), registrations without a token are rate-limited per client address, client-registered
/// documents are capped and the least recently used evicted (trusted ones never), and a document's
/// use is written at most once per interval.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PersistedDocumentLimitsTests : IClassFixture<PersistedDocumentLimitsTests.LimitedService>
{
    private const string Table = "public.hr_persisted_documents";
    private readonly LimitedService _service;

    public PersistedDocumentLimitsTests(LimitedService service) => _service = service;

    /// <summary>Three registrations a minute per client; three client documents kept.</summary>
    public sealed class LimitedService : IAsyncLifetime
    {
        public LimitedHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await LimitedHost.StartAsync(new()
        {
            ["HeadlessReviews:PersistedDocuments:RegistrationsPerMinute"] = "3",
            ["HeadlessReviews:PersistedDocuments:MaxStoredDocuments"] = "3",
            ["HeadlessReviews:Comments:AddressHashKey"] = "persisted-limits-key",
        });

        public Task DisposeAsync() => Host.StopAsync();
    }

    [Fact]
    public async Task The_fourth_new_document_in_a_minute_is_refused_with_RATE_LIMITED_and_Retry_After()
    {
        var host = _service.Host;
        var client = From("192.0.2.10");
        var first = UniqueQuery();
        for (var i = 0; i < 3; i++) AssertRan(await RegisterAsync(host, i == 0 ? first : UniqueQuery(), client));
        // Sending a known document again, or by hash alone, registers nothing and is not counted.
        AssertRan(await RegisterAsync(host, first, client));
        AssertRan(await SendAsync(host, new { extensions = Apq(Hash(first)) }, client));

        var extra = UniqueQuery();
        var refused = await RegisterAsync(host, extra, client);

        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
        Assert.Equal(429, refused.Status);
        var seconds = (int)refused.Errors![0]!["extensions"]!["retryAfterSeconds"]!;
        Assert.InRange(seconds, 1, 60);
        Assert.Equal(TimeSpan.FromSeconds(seconds), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await SendAsync(host, new { extensions = Apq(Hash(extra)) }, client)).FirstErrorCode);
        // Another client is not held back, nor is a caller with a token from the same address.
        AssertRan(await RegisterAsync(host, UniqueQuery(), From("192.0.2.11")));
        var editor = await host.CreateTokenAsync("EDITOR");
        for (var i = 0; i < 4; i++) AssertRan(await RegisterAsync(host, UniqueQuery(), client, editor));
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_used_client_documents_are_evicted_and_trusted_ones_never()
    {
        var host = _service.Host;
        await ClearAsync(host);
        var trusted = UniqueQuery();
        using (var manifest = await RegisterManifestAsync(host, trusted)) Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        string[] documents = [UniqueQuery(), UniqueQuery(), UniqueQuery()];
        for (var i = 0; i < documents.Length; i++) AssertRan(await RegisterAsync(host, documents[i], From($"192.0.2.{30 + i}")));
        // Last used: the trusted one longest ago, then documents[1], documents[0], documents[2].
        await SetLastUsedAsync(host, trusted, TimeSpan.FromDays(30));
        await SetLastUsedAsync(host, documents[1], TimeSpan.FromDays(3));
        await SetLastUsedAsync(host, documents[0], TimeSpan.FromDays(2));
        await SetLastUsedAsync(host, documents[2], TimeSpan.FromDays(1));

        var newest = UniqueQuery();
        AssertRan(await RegisterAsync(host, newest, From("192.0.2.40")));

        Assert.Equal(new[] { trusted, documents[0], documents[2], newest }.Select(Hash).Order(), (await StoredHashesAsync(host)).Order());
        // Gone everywhere, this instance's memory included: the client registers it again when asked.
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await SendAsync(host, new { extensions = Apq(Hash(documents[1])) }, From("192.0.2.30"))).FirstErrorCode);
        AssertRan(await SendAsync(host, new { extensions = Apq(Hash(trusted)) }, From("192.0.2.30")));
    }

    [Fact]
    public async Task A_use_is_written_once_per_interval_not_once_per_request()
    {
        var host = _service.Host;
        var query = UniqueQuery();
        AssertRan(await RegisterAsync(host, query, From("192.0.2.50")));
        // Another instance, which has not seen the document: its first use reads it and marks it used.
        await using var other = LimitedHost.Beside(host, new() { ["HeadlessReviews:Comments:AddressHashKey"] = "persisted-limits-key" });
        var longAgo = await SetLastUsedAsync(host, query, TimeSpan.FromDays(2));

        AssertRan(await SendAsync(other, new { extensions = Apq(Hash(query)) }, From("192.0.2.50")));
        var marked = await LastUsedAsync(host, query);
        Assert.True(marked > longAgo.AddDays(1), $"Not marked as used: {marked:O}");

        // Within the interval, uses from memory write nothing.
        var again = await SetLastUsedAsync(host, query, TimeSpan.FromDays(2));
        for (var i = 0; i < 20; i++) AssertRan(await SendAsync(other, new { extensions = Apq(Hash(query)) }, From("192.0.2.50")));
        Assert.Equal(again, await LastUsedAsync(host, query));
    }

    private static string UniqueQuery() => $"query Limited_{Guid.NewGuid():N} {{ film(slug: \"her\") {{ title }} }}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object Apq(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static Dictionary<string, string> From(string peer) => new() { [LimitedHost.PeerHeader] = peer };

    private static void AssertRan(GraphQLResponse response) =>
        Assert.True(response.Errors is null && (string?)response.Data?["film"]?["title"] == "Her", response.Body);

    private static Task<GraphQLResponse> RegisterAsync(LimitedHost host, string query, Dictionary<string, string> headers, string? token = null) =>
        SendAsync(host, new { query, extensions = Apq(Hash(query)) }, headers, token);

    private static async Task<GraphQLResponse> SendAsync(LimitedHost host, object body, Dictionary<string, string> headers, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await host.CreateClient().SendAsync(request);
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
    }

    private static async Task<HttpResponseMessage> RegisterManifestAsync(LimitedHost host, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/persisted-documents")
        {
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { [$"sha256:{Hash(query)}"] = query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", ApiFactory.AdminToken);
        return await host.CreateClient().SendAsync(request);
    }

    private static async Task<NpgsqlConnection> OpenAsync(LimitedHost host)
    {
        var connection = host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ClearAsync(LimitedHost host)
    {
        await using var connection = await OpenAsync(host);
        await using var delete = new NpgsqlCommand($"delete from {Table}", connection);
        await delete.ExecuteNonQueryAsync();
    }

    private static async Task<DateTimeOffset> SetLastUsedAsync(LimitedHost host, string query, TimeSpan ago)
    {
        await using var connection = await OpenAsync(host);
        await using var update = new NpgsqlCommand($"update {Table} set last_used_at = now() - $2 where hash = $1 returning last_used_at", connection)
        {
            Parameters = { new() { Value = Hash(query) }, new() { Value = ago } },
        };
        return new DateTimeOffset((DateTime)(await update.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    private static async Task<DateTimeOffset> LastUsedAsync(LimitedHost host, string query)
    {
        await using var connection = await OpenAsync(host);
        await using var select = new NpgsqlCommand($"select last_used_at from {Table} where hash = $1", connection) { Parameters = { new() { Value = Hash(query) } } };
        return new DateTimeOffset((DateTime)(await select.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    private static async Task<List<string>> StoredHashesAsync(LimitedHost host)
    {
        await using var connection = await OpenAsync(host);
        await using var select = new NpgsqlCommand($"select hash from {Table}", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var hashes = new List<string>();
        while (await reader.ReadAsync()) hashes.Add(reader.GetString(0));
        return hashes;
    }
}
