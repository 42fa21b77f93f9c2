using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Transport;

namespace HeadlessReviews.Tests.Execution;

/// <summary>
/// Depth, cost and alias limits refuse a document before anything runs (no database round trip), on
/// every transport and for cached documents, while the pages frontends really ask for pass.
/// </summary>
public sealed class QueryLimitsTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>
    /// A comment's parent's parent … (single objects, so the cost stays small) with a scalar at the
    /// bottom: <paramref name="depth"/> fields deep.
    /// </summary>
    private static string Nested(int depth)
    {
        // review, comments, nodes and the scalar are four levels; parents make up the rest.
        var parents = string.Concat(Enumerable.Repeat("parent { ", depth - 4));
        return $"{{ review(slug: \"her\") {{ comments(first: 1) {{ nodes {{ {parents}id{string.Concat(Enumerable.Repeat(" }", depth - 4))} }} }} }} }}";
    }

    [Fact]
    public async Task Fifteen_levels_run_and_sixteen_are_refused_before_any_database_work()
    {
        var fifteen = await GraphQL.PostAsync(Nested(15));
        Assert.True(fifteen.Errors is null, fifteen.Body);

        Api.RoundTrips.Reset();
        var sixteen = await GraphQL.PostAsync(Nested(16));

        Assert.Equal(400, sixteen.Status);
        Assert.Equal("QUERY_TOO_DEEP", sixteen.FirstErrorCode);
        Assert.Contains("16 deep; at most 15", (string?)sixteen.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Null(sixteen.Data);
        Assert.Equal(0, Api.RoundTrips.Count);
    }

    [Fact]
    public async Task A_costly_operation_is_refused_and_the_message_says_what_to_do()
    {
        // A hundred reviews, each film's cast, each cast member's films with their casts.
        const string costly = "{ reviews(first: 100) { nodes { film { cast { person { films { cast { person { name } } } } } } } } }";
        Api.RoundTrips.Reset();
        var refused = await GraphQL.PostAsync(costly);

        Assert.Equal("QUERY_TOO_COSTLY", refused.FirstErrorCode);
        Assert.Contains("smaller pages", (string?)refused.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(0, Api.RoundTrips.Count);
    }

    [Fact]
    public async Task The_home_page_at_the_largest_page_size_fits()
    {
        var homePage = await GraphQL.PostAsync("""
            { reviews(first: 100) { totalCount pageInfo { hasNextPage endCursor }
                nodes { id slug headline publishedAt excerpt(length: 160) verdict { rating summary } commentCount
                  film { title year certificateLabel genres poster { url } directors { name slug } cast { character person { name } } } } } }
            """);
        Assert.True(homePage.Errors is null, homePage.Body);
    }

    [Fact]
    public async Task A_cached_document_is_measured_again_with_its_new_variables()
    {
        const string query = "query($n: Int) { reviews(first: $n) { nodes { film { cast { person { films { cast { person { name } } } } } } } } }";
        var small = await GraphQL.PostAsync(query, new { n = 1 });
        Assert.True(small.Errors is null, small.Body);

        var large = await GraphQL.PostAsync(query, new { n = 100 });
        Assert.Equal("QUERY_TOO_COSTLY", large.FirstErrorCode);
    }

    [Fact]
    public async Task More_aliases_than_allowed_are_refused()
    {
        var hundred = await GraphQL.PostAsync("{ " + string.Join(" ", Enumerable.Range(1, 100).Select(i => $"a{i}: __typename")) + " }");
        Assert.True(hundred.Errors is null, hundred.Body);

        var more = await GraphQL.PostAsync("{ " + string.Join(" ", Enumerable.Range(1, 101).Select(i => $"a{i}: __typename")) + " }");
        Assert.Equal("TOO_MANY_ALIASES", more.FirstErrorCode);
        Assert.Single(more.Errors!);
    }

    [Fact]
    public async Task Limits_hold_on_GET_and_on_the_WebSocket()
    {
        var get = await GraphQL.GetAsync(Nested(16));
        Assert.Equal("QUERY_TOO_DEEP", get.FirstErrorCode);

        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("deep", Nested(16));
        var answer = await socket.ReceiveAsync();
        Assert.Equal("error", (string?)answer["type"]);
        Assert.Equal("QUERY_TOO_DEEP", (string?)answer["payload"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Limits_are_settings()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder
            .UseSetting("HeadlessReviews:Execution:MaxDepth", "3")
            .UseSetting("HeadlessReviews:Execution:MaxCost", "10")
            .UseSetting("HeadlessReviews:Execution:MaxAliases", "1"));
        var client = new GraphQLClient(host.CreateClient());

        Assert.Equal("QUERY_TOO_DEEP", (await client.PostAsync(Nested(4))).FirstErrorCode);
        Assert.Equal("QUERY_TOO_COSTLY", (await client.PostAsync("{ films(first: 20) { nodes { title } } }")).FirstErrorCode);
        Assert.Equal("TOO_MANY_ALIASES", (await client.PostAsync("{ a: __typename b: __typename }")).FirstErrorCode);
        var fits = await client.PostAsync("{ film(slug: \"her\") { title } }");
        Assert.Equal("Her", (string?)fits.Data?["film"]?["title"]);
    }

    [Fact]
    public async Task The_schema_can_be_introspected_as_GraphiQL_does()
    {
        // __schema → types → fields → args → type → ofType × 7 → name: 13 deep.
        var typeRef = "kind name";
        for (var i = 0; i < 7; i++) typeRef = $"kind name ofType {{ {typeRef} }}";
        var introspection = await GraphQL.PostAsync($$"""
            { __schema { description queryType { name } mutationType { name } subscriptionType { name }
                types { kind name description fields(includeDeprecated: true) { name description args { name description type { {{typeRef}} } defaultValue } type { {{typeRef}} } isDeprecated deprecationReason }
                  inputFields { name type { {{typeRef}} } defaultValue } interfaces { {{typeRef}} } enumValues(includeDeprecated: true) { name } possibleTypes { {{typeRef}} } }
                directives { name description isRepeatable locations args { name type { {{typeRef}} } } } } }
            """);

        Assert.True(introspection.Errors is null, introspection.Body);
        Assert.Contains(introspection.Data!["__schema"]!["types"]!.AsArray(), type => (string?)type!["name"] == "Review");
    }
}
