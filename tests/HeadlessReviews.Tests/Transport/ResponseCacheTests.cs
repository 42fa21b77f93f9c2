using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Transport;
using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Transport;

/// <summary>
/// The response cache of anonymous queries, on a second instance with it on (instance B) while changes
/// go through the shared host (instance A, cache off): a hit is the miss again, byte for byte and header
/// for header; a change announced anywhere stops B serving the old answer; tokens, errors and mutations
/// are never kept. A hit is told from a miss by an unannounced change made in SQL behind the service's back.
/// </summary>
public sealed class ResponseCacheTests(ApiFactory api) : ReviewEditingTest(api)
{
    private const string Query = "query($slug: String!) { review(slug: $slug) { headline film { title } } }";

    private async Task<(WebApplicationFactory<Program> Instance, GraphQLClient Client, ResponseCache Cache)> CachedInstanceAsync()
    {
        var instance = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:ResponseCache:Enabled", "true"));
        var cache = instance.Services.GetRequiredService<ResponseCache>();
        await instance.Services.GetRequiredService<PostgresListener>().Listening;
        await Eventually.TrueAsync(() => cache.IsServing, because: "the cache did not start serving once its listener listened");
        return (instance, new GraphQLClient(instance.CreateClient()), cache);
    }

    private async Task<(JsonNode Review, string Slug)> PublishedAsync()
    {
        var slug = $"cached-{Guid.NewGuid():N}"[..20];
        var review = await CreateAsync(NewReview(slug: slug));
        return (await ChangeAsync("publishReview", At(review)), slug);
    }

    /// <summary>Changes the headline in SQL: the service hears nothing of it, so only a fresh execution shows it.</summary>
    private async Task ChangeBehindTheServiceAsync(string slug, string headline)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand($"update {Tables.Reviews} set data = jsonb_set(data, '{{Headline}}', to_jsonb($1::text)) where data ->> 'Slug' = $2", connection);
        update.Parameters.AddWithValue(headline);
        update.Parameters.AddWithValue(slug);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    private static string? Headline(GraphQLResponse response) => (string?)response.Data?["review"]?["headline"];

    [Fact]
    public async Task A_hit_after_a_miss_is_the_same_answer_with_the_same_headers()
    {
        var (_, slug) = await PublishedAsync();
        var (instance, client, cache) = await CachedInstanceAsync();
        await using var _ = instance;

        var miss = await client.PostAsync(Query, new { slug });
        var headline = Headline(miss);
        Assert.NotNull(headline);
        Assert.Equal(1, cache.Count);
        await ChangeBehindTheServiceAsync(slug, "Changed behind its back");

        // The variables in another order are the same request.
        var hit = await client.SendAsync(HttpMethod.Post, "/graphql", $$"""{"variables":{"slug":"{{slug}}"},"query":{{JsonSerializer.Serialize(Query)}}}""", "application/json", GraphQLClient.GraphQLResponse);
        Assert.Equal(miss.Body, hit.Body);
        Assert.Equal(miss.Status, hit.Status);
        Assert.Equal(miss.ContentHeaders.ContentType, hit.ContentHeaders.ContentType);
        Assert.Equal(miss.Headers.Vary, hit.Headers.Vary);

        // Another media type is another answer: executed afresh.
        var legacy = await client.PostAsync(Query, new { slug }, accept: "application/json");
        Assert.Equal("Changed behind its back", Headline(legacy));
    }

    [Fact]
    public async Task A_GET_hit_keeps_the_ETag_the_cache_headers_and_the_304()
    {
        var (_, slug) = await PublishedAsync();
        var (instance, client, _) = await CachedInstanceAsync();
        await using var _ = instance;

        var miss = await client.GetAsync(Query, new { slug });
        await ChangeBehindTheServiceAsync(slug, "Changed behind its back");
        var hit = await client.GetAsync(Query, new { slug });
        Assert.Equal(miss.Body, hit.Body);
        Assert.NotNull(miss.Headers.ETag);
        Assert.Equal(miss.Headers.ETag, hit.Headers.ETag);
        Assert.Equal(miss.Headers.CacheControl, hit.Headers.CacheControl);
        Assert.Equal(miss.Headers.Vary, hit.Headers.Vary);
        Assert.Equal(miss.Headers.GetValues("Cache-Tag"), hit.Headers.GetValues("Cache-Tag"));
        Assert.Equal(miss.ContentHeaders.ContentType, hit.ContentHeaders.ContentType);

        var url = "/graphql?query=" + Uri.EscapeDataString(Query) + "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(new { slug }));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);
        request.Headers.IfNoneMatch.Add(miss.Headers.ETag!);
        using var notModified = await client.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(miss.Headers.ETag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task A_change_through_another_instance_stops_this_one_serving_the_old_answer()
    {
        var (review, slug) = await PublishedAsync();
        var (instance, client, cache) = await CachedInstanceAsync();
        await using var _ = instance;
        var before = Headline(await client.PostAsync(Query, new { slug }));
        var generation = cache.Generation;

        await ChangeAsync("updateReview", At(review, new { headline = "Edited through the other instance" }));

        await Eventually.TrueAsync(() => cache.Generation > generation, because: "the purge never arrived");
        Assert.Equal("Edited through the other instance", Headline(await client.PostAsync(Query, new { slug })));
        Assert.NotEqual("Edited through the other instance", before);
    }

    [Fact]
    public async Task An_answer_that_found_nothing_is_purged_when_the_review_appears()
    {
        var slug = $"later-{Guid.NewGuid():N}"[..20];
        var (instance, client, cache) = await CachedInstanceAsync();
        await using var _ = instance;
        var nothing = await client.PostAsync(Query, new { slug });
        Assert.Null(Headline(nothing));
        Assert.Equal(1, cache.Count);

        var review = await CreateAsync(NewReview(slug: slug));
        var generation = cache.Generation;
        await ChangeAsync("publishReview", At(review));

        await Eventually.TrueAsync(() => cache.Generation > generation, because: "the purge never arrived");
        Assert.NotNull(Headline(await client.PostAsync(Query, new { slug })));
    }

    [Fact]
    public async Task An_approved_comment_purges_its_review_card_for_the_count()
    {
        var (review, slug) = await PublishedAsync();
        var (instance, client, cache) = await CachedInstanceAsync();
        await using var _ = instance;
        const string count = "query($slug: String!) { review(slug: $slug) { commentCount } }";
        Assert.Equal(0, (int?)(await client.PostAsync(count, new { slug })).Data?["review"]?["commentCount"]);

        var posted = (await GraphQL.DataAsync(
            "mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id version } status errors { code } } }",
            new { input = new { reviewId = (string)review["id"]!, authorName = "Cache Reader", authorEmail = "cache.reader@example.org", body = "A thoughtful comment about the film." } }))["postComment"]!;
        Assert.Empty(posted["errors"]!.AsArray());
        // Pending or approved at once, as screening decides; the count moves when it is approved.
        var generation = cache.Generation;
        if ((string)posted["status"]! != "APPROVED")
        {
            Assert.Equal(0, (int?)(await client.PostAsync(count, new { slug })).Data?["review"]?["commentCount"]);
            generation = cache.Generation;
            var decided = (await GraphQL.DataAsync(
                "mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { comment { status } errors { code } } }",
                new { input = new { commentId = (string)posted["comment"]!["id"]!, action = "APPROVE", expectedVersion = (int)posted["comment"]!["version"]! } }, ApiFactory.AdminToken))["moderateComment"]!;
            Assert.Empty(decided["errors"]!.AsArray());
        }

        await Eventually.TrueAsync(() => cache.Generation > generation, because: "the purge never arrived");
        Assert.Equal(1, (int?)(await client.PostAsync(count, new { slug })).Data?["review"]?["commentCount"]);
    }

    [Fact]
    public async Task Callers_with_a_token_errors_and_mutations_are_never_kept()
    {
        var (_, slug) = await PublishedAsync();
        var (instance, client, cache) = await CachedInstanceAsync();
        await using var _ = instance;

        await client.PostAsync(Query, new { slug }, token: Editor);
        await client.PostAsync("{ review(slug: \"carol\") { nope } }");
        await client.PostAsync("query($slug: String!) { review(slug: $slug) { headline } }");
        await client.PostAsync("mutation { __typename }");
        Assert.Equal(0, cache.Count);

        await ChangeBehindTheServiceAsync(slug, "Seen by the editor");
        Assert.Equal("Seen by the editor", Headline(await client.PostAsync(Query, new { slug }, token: Editor)));
    }

    [Fact]
    public async Task A_persisted_document_is_kept_by_its_hash()
    {
        var (_, slug) = await PublishedAsync();
        var (instance, client, cache) = await CachedInstanceAsync();
        await using var _ = instance;
        var text = $"query Cached_{Guid.NewGuid():N}($slug: String!) {{ review(slug: $slug) {{ headline }} }}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        Task<GraphQLResponse> Send(object body) =>
            client.SendAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(body), "application/json", GraphQLClient.GraphQLResponse);

        Assert.NotNull(Headline(await Send(new { query = text, variables = new { slug }, extensions })));
        var byHash = await Send(new { variables = new { slug }, extensions });
        await ChangeBehindTheServiceAsync(slug, "Changed behind its back");
        Assert.Equal(byHash.Body, (await Send(new { variables = new { slug }, extensions })).Body);
        var byId = await Send(new { documentId = $"sha256:{hash}", variables = new { slug } });
        Assert.Equal("Changed behind its back", Headline(byId));
        Assert.Equal(byId.Body, (await Send(new { documentId = $"sha256:{hash}", variables = new { slug } })).Body);
        Assert.True(cache.Count >= 3);
    }

    [Fact]
    public async Task A_lost_listener_clears_the_cache_and_it_serves_again_once_back()
    {
        var (_, slug) = await PublishedAsync();
        var (instance, client, cache) = await CachedInstanceAsync();
        await using var _ = instance;
        await client.PostAsync(Query, new { slug });
        Assert.Equal(1, cache.Count);

        var listener = instance.Services.GetRequiredService<PostgresListener>();
        await using (var connection = new NpgsqlConnection(Api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and application_name = $1", connection);
            terminate.Parameters.AddWithValue(PostgresListener.ApplicationName);
            await terminate.ExecuteScalarAsync();
        }
        await Eventually.TrueAsync(() => listener.Reconnections > 0, TimeSpan.FromSeconds(15), "the listener did not reconnect");
        await Eventually.TrueAsync(() => cache.IsServing, because: "the cache did not serve again");
        Assert.Equal(0, cache.Count);
        Assert.NotNull(Headline(await client.PostAsync(Query, new { slug })));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void An_answer_read_before_a_purge_is_not_stored_after_it()
    {
        var cache = new ResponseCache(Microsoft.Extensions.Options.Options.Create(new ResponseCacheSettings()), TimeProvider.System);
        var generation = cache.Generation;
        cache.Purge(["review-0123"]);
        Assert.False(cache.TryStore("k", Entry("review"), generation));
        Assert.False(cache.TryGet("k", out _));
        Assert.True(cache.TryStore("k", Entry("review"), cache.Generation));
        Assert.True(cache.TryGet("k", out _));
        cache.Purge(["film"]);
        Assert.True(cache.TryGet("k", out _));
        cache.Purge(["review"]);
        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void The_cache_keeps_to_its_bounds_dropping_the_oldest()
    {
        var cache = new ResponseCache(Microsoft.Extensions.Options.Options.Create(new ResponseCacheSettings { MaxEntries = 2 }), TimeProvider.System);
        foreach (var key in new[] { "a", "b", "c" }) Assert.True(cache.TryStore(key, Entry("review"), cache.Generation));
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out _));

        var small = new ResponseCache(Microsoft.Extensions.Options.Options.Create(new ResponseCacheSettings { MaxEntryBytes = 1_024 }), TimeProvider.System);
        Assert.False(small.TryStore("big", new CachedResponse("application/json", new byte[2_048], null, [], []), small.Generation));
    }

    [Fact]
    public void Variables_in_any_order_make_one_key_and_other_values_another()
    {
        GraphQLRequest Request(string variables) => GraphQLRequest.FromJsonBody(Encoding.UTF8.GetBytes($$"""{"query":"{ a }","variables":{{variables}}}"""),
            new GraphQL.SystemTextJson.GraphQLSerializer());
        var key = ResponseCacheKey.Of("POST", "application/json", Request("""{"a":1,"b":{"x":[1,"2"],"y":null}}"""));
        Assert.Equal(key, ResponseCacheKey.Of("POST", "application/json", Request("""{"b":{"y":null,"x":[1,"2"]},"a":1}""")));
        Assert.NotEqual(key, ResponseCacheKey.Of("POST", "application/json", Request("""{"a":"1","b":{"x":[1,"2"],"y":null}}""")));
        Assert.NotEqual(key, ResponseCacheKey.Of("GET", "application/json", Request("""{"a":1,"b":{"x":[1,"2"],"y":null}}""")));
        Assert.NotEqual(key, ResponseCacheKey.Of("POST", "application/graphql-response+json", Request("""{"a":1,"b":{"x":[1,"2"],"y":null}}""")));
    }

    [Fact]
    public void Every_document_kind_is_the_lower_case_name_of_its_graph_type()
    {
        // CacheTags.ForPurging files an answer under the kinds of the types it has a place for by this rule.
        var schema = Api.Services.GetRequiredService<HeadlessReviews.Api.Graph.HeadlessReviewsSchema>();
        schema.Initialize();
        var documents = typeof(ICacheTagged).Assembly.GetTypes().Where(type => type.IsClass && !type.IsAbstract && typeof(ICacheTagged).IsAssignableFrom(type)).ToList();
        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            var kind = ((ICacheTagged)RuntimeHelpers.GetUninitializedObject(document)).CacheTagKind;
            Assert.Contains(schema.AllTypes, type => type is GraphQL.Types.IObjectGraphType && string.Equals(type.Name, kind, StringComparison.OrdinalIgnoreCase) && !kind.Any(char.IsUpper));
        }
    }

    private static CachedResponse Entry(params string[] tags) => new("application/json", "{}"u8.ToArray(), null, [], tags);
}
