using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.WebSockets;

/// <summary>
/// <c>graphql-transport-ws</c> on <c>GET /graphql</c>, per the <c>graphql-ws</c> project's PROTOCOL.md:
/// the handshake, ping/pong, operations, the identity from <c>connection_init</c> and the close codes.
/// </summary>
public sealed class WebSocketTransportTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string StatusQuery = """{ review(slug: "her") { headline status } }""";

    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _tokens.DeleteAllAsync();

    [Fact]
    public async Task Connection_init_is_acknowledged_and_pings_are_answered()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string)(await socket.ReceiveAsync())["type"]!);
        // A pong needs no answer; the connection stays usable.
        await socket.SendAsync(new { type = "pong" });
        await socket.SendAsync(new { type = "ping", payload = new { at = 1 } });
        Assert.Equal("pong", (string)(await socket.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task A_query_answers_next_then_complete()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("q1", """query Film($slug: String!) { film(slug: $slug) { title } }""", new { slug = "her" });

        var next = await socket.ReceiveAsync();
        Assert.Equal("next", (string)next["type"]!);
        Assert.Equal("q1", (string)next["id"]!);
        Assert.Equal("Her", (string)next["payload"]!["data"]!["film"]!["title"]!);
        Assert.Equal(new JsonObject { ["id"] = "q1", ["type"] = "complete" }.ToJsonString(), (await socket.ReceiveAsync()).ToJsonString());
    }

    [Fact]
    public async Task A_mutation_runs_as_the_token_in_connection_init()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server, new { token = ApiFactory.AdminToken });
        await socket.SubscribeAsync("m1", """
            mutation { createApiToken(input: { name: "socket", roles: [EDITOR] }) { token { id } secret errors { code } } }
            """);

        var next = await socket.ReceiveAsync();
        Assert.Equal("next", (string)next["type"]!);
        var payload = next["payload"]!["data"]!["createApiToken"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        _tokens.Track(HeadlessReviews.Api.Graph.GlobalId.DecodeAs((string)payload["token"]!["id"]!, "ApiToken")!.Value);
        Assert.Equal("complete", (string)(await socket.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task Editor_only_fields_follow_the_connection_identity()
    {
        var editor = await _tokens.CreateAsync("socket editor", "EDITOR");

        using (var anonymous = await GraphQLSocket.InitialisedAsync(Api.Server))
        {
            await anonymous.SubscribeAsync("a", StatusQuery);
            var next = await anonymous.ReceiveAsync();
            Assert.Null(next["payload"]!["data"]!["review"]!["status"]);
            Assert.NotNull(next["payload"]!["errors"]);
        }
        foreach (var payload in new object[] { new { authorization = $"Bearer {editor.Secret}" }, new { token = editor.Secret } })
        {
            using var socket = await GraphQLSocket.InitialisedAsync(Api.Server, payload);
            // Two operations, two scopes: both see the connection's identity.
            for (var i = 0; i < 2; i++)
            {
                await socket.SubscribeAsync($"e{i}", StatusQuery);
                var next = await socket.ReceiveAsync();
                Assert.Null(next["payload"]!["errors"]);
                Assert.Equal("PUBLISHED", (string)next["payload"]!["data"]!["review"]!["status"]!);
                Assert.Equal("complete", (string)(await socket.ReceiveAsync())["type"]!);
            }
        }
    }

    [Fact]
    public async Task A_bad_token_is_forbidden()
    {
        foreach (var payload in new object[] { new { token = "hr_not_a_real_token_0123456789abcdefghijklmnop" }, new { authorization = "Basic abc" } })
        {
            using var socket = await GraphQLSocket.ConnectAsync(Api.Server);
            await socket.SendAsync(new { type = "connection_init", payload });
            Assert.Equal(4403, await socket.ClosedAsync());
        }
    }

    [Fact]
    public async Task Subscribing_before_the_acknowledgement_is_unauthorized()
    {
        using var socket = await GraphQLSocket.ConnectAsync(Api.Server);
        await socket.SubscribeAsync("early", "{ films { totalCount } }");
        Assert.Equal(4401, await socket.ClosedAsync());
    }

    [Fact]
    public async Task A_second_connection_init_is_too_many()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SendAsync(new { type = "connection_init" });
        Assert.Equal(4429, await socket.ClosedAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SendTextAsync(message);
        Assert.Equal(4400, await socket.ClosedAsync());
    }

    [Fact]
    public async Task A_document_that_does_not_validate_answers_error_without_complete()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("bad", "{ noSuchField }");
        var error = await socket.ReceiveAsync();
        Assert.Equal("error", (string)error["type"]!);
        Assert.Equal("bad", (string)error["id"]!);
        Assert.NotEmpty(error["payload"]!.AsArray());
        // The next answer is the pong: no `complete` followed the error.
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string)(await socket.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task An_id_already_in_flight_closes_with_4409()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        // The first is still executing (it reads the database) when the second arrives.
        const string Slow = "{ reviews(first: 50) { nodes { headline film { title } comments { nodes { body } } } } }";
        await socket.SubscribeAsync("dup", Slow);
        await socket.SubscribeAsync("dup", Slow);
        Assert.Equal(4409, await socket.ClosedAsync());
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("big", "{ __typename }" + new string(' ', 100 * 1024));
        Assert.Equal(1009, await socket.ClosedAsync());
    }

    [Fact]
    public async Task A_request_without_the_subprotocol_is_refused()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => GraphQLSocket.ConnectAsync(Api.Server, "graphql-ws"));
        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_get_keeps_its_http_meaning()
    {
        var response = await GraphQL.GetAsync("{ film(slug: \"her\") { title } }");
        Assert.Equal(200, response.Status);
        Assert.Equal("Her", (string)response.Data!["film"]!["title"]!);
    }
}
