using HeadlessReviews.Tests.Infrastructure;

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
    public async Task Fragments_spreading_fragments_are_measured_once_each()
    {
        // Ten levels of fragments, each spreading the next ten times: 10^10 selections if every
        // spread were walked again (GraphQL.NET's complexity rule took hours), a few dozen measured once.
        var fragments = string.Concat(Enumerable.Range(0, 10).Select(level =>
            $"fragment F{level} on Query {{ {string.Concat(Enumerable.Repeat($"...F{level + 1} ", 10))}}} "));
        var bomb = $"{{ ...F0 }} {fragments}fragment F10 on Query {{ films {{ nodes {{ title }} }} }}";
        // By default the 10^10 same-named films are refused first; without that check (and the count of
        // fragment merges) the measure must hold alone.
        Assert.Equal("TOO_MANY_SAME_NAMED_FIELDS", (await GraphQL.PostAsync(bomb)).FirstErrorCode);
        await using var host = Api.WithWebHostBuilder(builder => builder
            .UseSetting("HeadlessReviews:Execution:MaxFieldsPerResponseName", "0")
            .UseSetting("HeadlessReviews:Execution:MaxFragmentMerges", "0"));
        var withoutPreChecks = new GraphQLClient(Api.RoundTrips.Counted(host.CreateClient()));
        Api.RoundTrips.Reset();

        var refused = await withoutPreChecks.PostAsync(bomb);

        Assert.Equal("QUERY_TOO_COSTLY", refused.FirstErrorCode);
        Assert.Equal(0, Api.RoundTrips.Count);
        // The same fragment once is cheap and runs.
        var once = await GraphQL.PostAsync("{ ...F } fragment F on Query { films { nodes { title } } }");
        Assert.True(once.Errors is null, once.Body);
    }

    [Fact]
    public async Task A_negative_or_huge_page_size_does_not_lower_the_estimate()
    {
        const string costly = "reviews(first: 100) { nodes { film { cast { person { films { cast { person { name } } } } } } } }";
        foreach (var page in new[] { "-2147483648", "-1", "2147483647" })
        {
            var refused = await GraphQL.PostAsync($"{{ a: reviews(first: {page}) {{ nodes {{ film {{ cast {{ person {{ name }} }} }} }} }} b: {costly} }}");
            Assert.Equal("QUERY_TOO_COSTLY", refused.FirstErrorCode);
        }
        var viaVariable = await GraphQL.PostAsync($"query($n: Int) {{ a: reviews(first: $n) {{ nodes {{ title: headline }} }} b: {costly} }}", new { n = int.MinValue });
        Assert.Equal("QUERY_TOO_COSTLY", viaVariable.FirstErrorCode);
    }

    /// <summary>
    /// graphql-js 16's getIntrospectionQuery with descriptions, repeatable directives and the schema
    /// description (what graphql-codegen and the IDE send; GraphQL.NET 8 has no specifiedByURL or
    /// deprecated input values to ask for).
    /// </summary>
    private const string FullIntrospection = """
        query IntrospectionQuery { __schema { description queryType { name kind } mutationType { name kind } subscriptionType { name kind } types { ...FullType } directives { name description isRepeatable locations args { ...InputValue } } } }
        fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } } } } }
        """;

    [Fact]
    public async Task One_full_introspection_fits_and_a_hundred_aliased_copies_do_not()
    {
        var one = await GraphQL.PostAsync(FullIntrospection);
        Assert.True(one.Errors is null, one.Body);

        var copies = string.Join(" ", Enumerable.Range(1, 100).Select(i => $"s{i}: __schema {{ types {{ ...FullType }} }}"));
        var hundred = await GraphQL.PostAsync($"{{ {copies} }} {FullIntrospection[FullIntrospection.IndexOf("fragment FullType", StringComparison.Ordinal)..]}");
        Assert.Equal("QUERY_TOO_COSTLY", hundred.FirstErrorCode);
        Assert.True(hundred.Body.Length < 10_000, hundred.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
