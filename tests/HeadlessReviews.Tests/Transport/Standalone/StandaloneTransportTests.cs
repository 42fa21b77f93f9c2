using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.Standalone;

/// <summary>
/// HTTP GET and POST, <c>graphql-transport-ws</c> and <c>graphql-sse</c> on a schema that is not the
/// film publication's (<see cref="TinySchema"/>): the transports stand on their own.
/// </summary>
public sealed class StandaloneTransportTests(TinyTransportHost host) : IClassFixture<TinyTransportHost>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task A_get_query_is_answered_and_cacheable_without_cache_tags()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("""{ hello(name: "tiny") }"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, tiny!", (string)(await DataAsync(response))["hello"]!);
        Assert.NotNull(response.Headers.ETag);
        // Cache tags are the application's to name; this one names none.
        Assert.False(response.Headers.Contains("Cache-Tag"));
    }

    [Fact]
    public async Task A_get_mutation_is_refused_with_405()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("""mutation { echo(text: "x") }"""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_post_runs_a_mutation_with_variables()
    {
        using var client = host.CreateClient();
        using var response = await PostAsync(client, """{"query":"mutation ($text: String!) { echo(text: $text) }","variables":{"text":"round trip"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("round trip", (string)(await DataAsync(response))["echo"]!);
    }

    [Fact]
    public async Task A_post_subscription_needs_a_stream()
    {
        using var client = host.CreateClient();
        using var response = await PostAsync(client, """{"query":"subscription { ticks(count: 2) }"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SUBSCRIPTION_NEEDS_STREAM", await FirstErrorCodeAsync(response));
    }

    [Fact]
    public async Task An_error_code_the_application_names_gets_its_status_and_retry_after()
    {
        using var client = host.CreateClient();
        using var response = await PostAsync(client, """{"query":"{ hello"}""");

        Assert.Equal(TinyTransportHost.SyntaxErrorStatus, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(TinyTransportHost.SyntaxErrorRetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("SYNTAX_ERROR", await FirstErrorCodeAsync(response));

        // Not marked for legacy application/json: that keeps 200, as the spec allows it.
        using var legacy = await PostAsync(client, """{"query":"{ hello"}""", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_is_refused_by_the_shared_parser()
    {
        using var client = host.CreateClient();
        using var response = await PostAsync(client, """{"query":"{ hello }","operationName":7}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("operationName", (string)(await JsonAsync(response))["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task A_websocket_subscription_forwards_each_event_then_completes()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(host.Server);
        await socket.SubscribeAsync("t1", "subscription ($count: Int!) { ticks(count: $count) }", new { count = 3 });

        var ticks = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var next = await socket.ReceiveAsync();
            Assert.Equal("next", (string)next["type"]!);
            Assert.Equal("t1", (string)next["id"]!);
            ticks.Add((int)next["payload"]!["data"]!["ticks"]!);
        }
        Assert.Equal([1, 2, 3], ticks);
        var complete = await socket.ReceiveAsync();
        Assert.Equal("complete", (string)complete["type"]!);
    }

    [Fact]
    public async Task A_websocket_runs_queries_and_mutations()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(host.Server);
        await socket.SubscribeAsync("m1", """mutation { echo(text: "over the socket") }""");

        var next = await socket.ReceiveAsync();
        Assert.Equal("over the socket", (string)next["payload"]!["data"]!["echo"]!);
        Assert.Equal("complete", (string)(await socket.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task A_websocket_payload_the_shared_parser_refuses_closes_with_4400()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(host.Server);
        await socket.SendTextAsync("""{"id":"v1","type":"subscribe","payload":{"query":"{ hello }","variables":[1]}}""");

        Assert.Equal(4400, await socket.ClosedAsync());
    }

    [Fact]
    public async Task An_event_stream_subscription_sends_each_event_then_complete()
    {
        using var stream = await SseStream.OpenAsync(host.CreateClient(), "subscription { ticks(count: 2) }");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);

        var ticks = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var (name, data) = await stream.ReadEventAsync();
            Assert.Equal("next", name);
            ticks.Add((int)JsonNode.Parse(data)!["data"]!["ticks"]!);
        }
        Assert.Equal([1, 2], ticks);
        Assert.Equal("complete", (await stream.ReadEventAsync()).Event);
    }

    [Fact]
    public async Task An_event_stream_by_get_carries_a_query()
    {
        using var stream = await SseStream.OpenAsync(host.CreateClient(), "{ hello }", get: true);

        var (name, data) = await stream.ReadEventAsync();
        Assert.Equal("next", name);
        Assert.Equal("Hello, world!", (string)JsonNode.Parse(data)!["data"]!["hello"]!);
        Assert.Equal("complete", (await stream.ReadEventAsync()).Event);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return client.SendAsync(request);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static async Task<JsonObject> DataAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        Assert.True(json["errors"] is null, json.ToJsonString());
        return json["data"]!.AsObject();
    }

    private static async Task<string?> FirstErrorCodeAsync(HttpResponseMessage response) =>
        (string?)(await JsonAsync(response))["errors"]?[0]?["extensions"]?["code"];
}
