using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport;

/// <summary>
/// Whatever a client sends is its own fault, never ours: each hostile request below, over POST, GET and
/// Server-Sent Events, is answered 4xx or with a GraphQL error that has a clear code (never a 5xx, never
/// INTERNAL_SERVER_ERROR), and logged at most as a warning, never with the document's text.
/// </summary>
public sealed class HostileInputTests(KestrelInstance service) : IClassFixture<KestrelInstance>
{
    // Every hostile document carries this, so a log line that quotes the document is found.
    private const string Marker = "hostile7f3a";
    private const string Film = "query Film($v: String!) { film(slug: $v) { title } } # " + Marker;
    private static readonly byte[] Ff = [0xFF];

    /// <summary>POST bodies, as bytes: name, body.</summary>
    public static TheoryData<string> PostCases() => [.. PostBodies.Keys];

    private static readonly Dictionary<string, byte[]> PostBodies = new()
    {
        ["invalid UTF-8 in a variable's value"] = Bytes("""{"query":"FILM","variables":{"v":"her""", Ff, "\"}}"),
        ["invalid UTF-8 in a variable's name"] = Bytes("{\"query\":\"FILM\",\"variables\":{\"v", Ff, "\":\"her\"}}"),
        ["invalid UTF-8 in the query text"] = Bytes("{\"query\":\"{ film(slug: \\\"her", Ff, "\\\") { title } } # MARK\"}"),
        ["invalid UTF-8 outside any string"] = Bytes("""{"query":"FILM","variables":""", Ff, "}"),
        ["an overlong UTF-8 encoding"] = Bytes("""{"query":"FILM","variables":{"v":"her""", new byte[] { 0xC0, 0xAF }, "\"}}"),
        ["a UTF-8-encoded surrogate"] = Bytes("""{"query":"FILM","variables":{"v":"her""", new byte[] { 0xED, 0xA0, 0x80 }, "\"}}"),
        ["a key twice in variables"] = Bytes("""{"query":"FILM","variables":{"v":"her","v":"her"}}"""),
        ["a key twice in a variable's object"] = Bytes("""{"query":"query($w: FilmFilter) { films(where: $w) { edges { cursor } } } # MARK","variables":{"w":{"genre":"drama","genre":"romance"}}}"""),
        ["a key twice in extensions"] = Bytes("""{"query":"FILM","variables":{"v":"her"},"extensions":{"a":1,"a":2}}"""),
        ["a key twice at the top level"] = Bytes("""{"query":"FILM","query":"FILM","variables":{"v":"her"}}"""),
        ["a lone surrogate in the query"] = Bytes("""{"query":"{ film(slug: \"\ud800\") { title } } # MARK"}"""),
        ["a lone low surrogate in the query"] = Bytes("""{"query":"{ film(slug: \"\udc00x\") { title } } # MARK"}"""),
        ["a lone surrogate in operationName"] = Bytes("""{"query":"FILM","operationName":"Film\ud800","variables":{"v":"her"}}"""),
        ["a lone surrogate in a variable"] = Bytes("""{"query":"FILM","variables":{"v":"her\ud800"}}"""),
        ["a lone surrogate in a list in a variable"] = Bytes("""{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } } # MARK","variables":{"ids":["a",["\ud800"]]}}"""),
        ["a lone surrogate in an object in a variable"] = Bytes("""{"query":"query($w: FilmFilter) { films(where: $w) { edges { cursor } } } # MARK","variables":{"w":{"genre":{"deep":"\udbff"}}}}"""),
        ["a lone surrogate in a variable's name"] = Bytes("""{"query":"FILM","variables":{"v\ud800":"her"}}"""),
        ["a lone surrogate in extensions"] = Bytes("""{"query":"FILM","variables":{"v":"her"},"extensions":{"persisted":"\ud800"}}"""),
        ["a lone surrogate escape in the GraphQL document"] = Bytes("""{"query":"{ film(slug: \"her\\ud800\") { title } } # MARK"}"""),
        ["a document nested deeper than the parser allows"] = Bytes("{\"query\":\"", string.Concat(Enumerable.Repeat("{ a ", 2000)), new string('}', 2000), """ # MARK"}"""),
        ["a list value nested deeper than the parser allows"] = Bytes("""{"query":"{ film(slug: """, new string('[', 2000), new string(']', 2000), """) { title } } # MARK"}"""),
        ["a number past any type in a variable"] = Bytes("""{"query":"query($n: Int) { films(first: $n) { edges { cursor } } } # MARK","variables":{"n":1e400}}"""),
        ["a 400-digit integer in a variable"] = Bytes("""{"query":"query($n: Int) { films(first: $n) { edges { cursor } } } # MARK","variables":{"n":""", new string('9', 400), "}}"),
        ["a 400-digit integer in a String variable"] = Bytes("""{"query":"FILM","variables":{"v":""", new string('9', 400), "}}"),
        ["an integer past Int in the document"] = Bytes("""{"query":"{ films(first: 99999999999) { edges { cursor } } } # MARK"}"""),
        ["variables nested deeper than JSON allows"] = Bytes("""{"query":"FILM","variables":{"v":""", new string('[', 500), new string(']', 500), "}}"),
    };

    [Theory]
    [MemberData(nameof(PostCases))]
    public async Task A_hostile_POST_is_the_clients_fault(string name)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(PostBodies[name]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminToken);

        await AssertAnsweredAsync(client, request);
    }

    public static TheoryData<string> GetCases() => [.. GetQueries.Keys];

    private static readonly Dictionary<string, string> GetQueries = new()
    {
        ["a key twice in variables"] = Query(Film, """{"v":"her","v":"her"}"""),
        ["a key twice in extensions"] = Query(Film, """{"v":"her"}""") + "&extensions=" + Uri.EscapeDataString("""{"a":1,"a":2}"""),
        ["a lone surrogate in a variable"] = Query(Film, """{"v":"\ud800"}"""),
        ["a lone surrogate in extensions"] = Query(Film, """{"v":"her"}""") + "&extensions=" + Uri.EscapeDataString("""{"a":"\udfff"}"""),
        ["invalid UTF-8 in a variable"] = "/graphql?query=" + Uri.EscapeDataString(Film) + "&variables=%7B%22v%22%3A%22%FF%22%7D",
        ["invalid UTF-8 in the query"] = "/graphql?query=%7B%20film(slug%3A%20%22%FF%FE%22)%20%7B%20title%20%7D%20%7D%20%23%20" + Marker,
        ["a document nested deeper than the parser allows"] = "/graphql?query=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("{a", 1500)) + new string('}', 1500)),
    };

    [Theory]
    [MemberData(nameof(GetCases))]
    public async Task A_hostile_GET_is_the_clients_fault(string name)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, GetQueries[name]);
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);

        await AssertAnsweredAsync(client, request);
    }

    /// <summary>U+0000 in any String or ID is removed before it can reach SQL (no text column stores it).</summary>
    public static TheoryData<string> NulPostCases() => [.. NulPostBodies.Keys];

    private static readonly Dictionary<string, byte[]> NulPostBodies = new()
    {
        ["a NUL escape in the GraphQL document"] = Bytes("""{"query":"{ film(slug: \"her\\u0000\") { title } } # MARK"}"""),
        ["a NUL in the film slug"] = Variable(Film, "her\\u0000"),
        ["a NUL in the film id"] = Variable("query($v: ID) { film(id: $v) { title } }", "\\u0000"),
        ["a NUL in the review slug"] = Variable("query($v: String) { review(slug: $v) { headline } }", "her\\u0000"),
        ["a NUL in the person slug"] = Variable("query($v: String) { person(slug: $v) { name } }", "\\u0000joaquin"),
        ["a NUL in the people filter"] = Variable("query($v: String) { people(nameContains: $v) { edges { cursor } } }", "jo\\u0000"),
        ["a NUL in the search query"] = Variable("query($v: String!) { search(query: $v) { edges { cursor } } }", "her\\u0000love"),
        ["a NUL in the films filter"] = Variable("query($v: String) { films(where: { genre: $v }) { edges { cursor } } }", "drama\\u0000"),
        ["a NUL in the reviews filter"] = Variable("query($v: String) { reviews(where: { genre: $v }) { edges { cursor } } }", "\\u0000"),
        ["a NUL in a node id"] = Variable("query($v: ID!) { node(id: $v) { id } }", "UmV2aWV3\\u0000"),
        ["a NUL in a cursor"] = Variable("query($v: String) { reviews(first: 1, after: $v) { edges { cursor } } }", "abc\\u0000"),
        ["a NUL in a comment"] = Variable("""mutation($v: String!) { postComment(input: { reviewId: "UmV2aWV3", authorName: "A", authorEmail: "a@example.com", body: $v }) { errors { code } } }""", "hello\\u0000world"),
        ["a NUL in a comment's author"] = Variable("""mutation($v: String!) { postComment(input: { reviewId: "UmV2aWV3", authorName: $v, authorEmail: "a@example.com", body: "hello" }) { errors { code } } }""", "A\\u0000"),
        ["a NUL in a new film's title"] = Variable("mutation($v: String!) { createFilm(input: { title: $v, year: 2000 }) { errors { code } } }", "Her\\u0000"),
        ["a NUL in a list of genres"] = Variable("""mutation($v: String!) { createFilm(input: { title: "Her", year: 2013, genres: ["drama", $v] }) { errors { code } } }""", "\\u0000"),
    };

    [Theory]
    [MemberData(nameof(NulPostCases))]
    public async Task A_NUL_in_any_string_sent_by_POST_is_removed_and_answered_without_a_fault(string name)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(NulPostBodies[name]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminToken);

        await AssertAnsweredAsync(client, request, expectErrors: false);
    }

    public static TheoryData<string> NulGetCases() => [.. NulGetQueries.Keys];

    private static readonly Dictionary<string, string> NulGetQueries = new()
    {
        ["a NUL in the query"] = "/graphql?query=%7B%20film(slug%3A%20%22%00%22)%20%7B%20title%20%7D%20%7D%20%23%20" + Marker,
        ["a NUL escape in the query"] = "/graphql?query=" + Uri.EscapeDataString("{ film(slug: \"\\u0000\") { title } } # " + Marker),
        ["a NUL in a variable"] = Query(Film, """{"v":"her\u0000"}"""),
        ["a NUL in the search"] = Query("query($v: String!) { search(query: $v) { edges { cursor } } } # " + Marker, """{"v":"\u0000"}"""),
    };

    [Theory]
    [MemberData(nameof(NulGetCases))]
    public async Task A_NUL_in_any_string_sent_by_GET_is_removed_and_answered_without_a_fault(string name)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, NulGetQueries[name]);
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);

        await AssertAnsweredAsync(client, request, expectErrors: name.Contains("the query", StringComparison.Ordinal) && !name.Contains("escape", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("her\\u0000")]
    [InlineData("\\u0000her")]
    public async Task A_NUL_is_removed_from_a_slug_as_from_any_string(string slug)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Variable(Film, slug)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("Her", JsonNode.Parse(body)!["data"]!["film"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a lone surrogate in a variable")]
    [InlineData("a key twice in variables")]
    [InlineData("invalid UTF-8 in a variable's value")]
    [InlineData("a document nested deeper than the parser allows")]
    public async Task A_hostile_event_stream_request_is_the_clients_fault(string name)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(PostBodies[name]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        await AssertAnsweredAsync(client, request);
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json;charset=utf-8")]
    public async Task A_quoted_utf8_charset_is_accepted(string contentType)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Bytes("""{"query":"{ film(slug: \"her\") { title } }"}""")) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("Her", JsonNode.Parse(body)!["data"]!["film"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/json; charset=\"utf-16\"")]
    [InlineData("application/json; charset=\"utf-8")]
    public async Task Another_charset_is_unsupported(string contentType)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Bytes("""{"query":"{ film(slug: \"her\") { title } }"}""")) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.SendAsync(request);

        Assert.Equal(415, (int)response.StatusCode);
    }

    // A 4xx or a GraphQL error with a code (or, expectErrors false, any answer short of a fault),
    // nothing logged above a warning and nothing quoting the document.
    private async Task AssertAnsweredAsync(HttpClient client, HttpRequestMessage request, bool expectErrors = true)
    {
        var before = service.Logs.Lines.Count;
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var logged = service.Logs.Lines.Skip(before).ToList();
        var faults = logged.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal)).ToList();

        Assert.True(status < 500, $"Answered {status}: {body} {string.Join('\n', faults)}");
        Assert.False(body.Contains("INTERNAL_SERVER_ERROR", StringComparison.Ordinal), $"Answered {status}: {body}");
        var codes = ErrorCodes(body);
        Assert.True(codes.All(code => code is { Length: > 0 }), $"Errors without a code, {status}: {body}");
        if (expectErrors) Assert.True(codes.Count > 0, $"Expected errors with codes, got {status}: {body}");
        Assert.True(faults.Count == 0, $"Logged as a fault: {string.Join('\n', faults)}");
        // ASP.NET's own request lines (Information, off in appsettings) name the URL; nothing else may quote the document.
        var quoting = logged.Where(line => line.Contains(Marker, StringComparison.Ordinal)
            && (IsWarningOrWorse(line) || !line.Contains(" Microsoft.AspNetCore.Hosting.Diagnostics: ", StringComparison.Ordinal))).ToList();
        Assert.True(quoting.Count == 0, $"Logged the document: {string.Join('\n', quoting)}");
    }

    private static bool IsWarningOrWorse(string line) =>
        line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal);

    // The codes of a JSON answer, or of the `next` events of an event stream.
    private static List<string?> ErrorCodes(string body)
    {
        List<string> documents = body.TrimStart().StartsWith('{')
            ? [body]
            : body.Split('\n').Where(line => line.StartsWith("data: {", StringComparison.Ordinal)).Select(line => line["data: ".Length..]).ToList();
        return [.. documents.Select(document => JsonNode.Parse(document)).SelectMany(json => json?["errors"]?.AsArray() ?? []).Select(error => error?["extensions"]?["code"]?.GetValue<string>())];
    }

    // Text parts go as UTF-8 with FILM and MARK filled in; byte parts go as they are.
    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(part => part as byte[] ?? Encoding.UTF8.GetBytes(((string)part).Replace("FILM", Film, StringComparison.Ordinal).Replace("MARK", Marker, StringComparison.Ordinal)))];

    // A JSON body whose `v` variable is the given JSON string content (escapes as written).
    private static byte[] Variable(string query, string jsonStringContent) =>
        Bytes("{\"query\":" + JsonSerializer.Serialize(query + " # " + Marker) + ",\"variables\":{\"v\":\"" + jsonStringContent + "\"}}");

    private static string Query(string query, string variablesJson) =>
        "/graphql?query=" + Uri.EscapeDataString(query) + "&variables=" + Uri.EscapeDataString(variablesJson);
}
