using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>A raw <c>graphql-transport-ws</c> client over the in-process test server, one message at a time.</summary>
public sealed class GraphQLSocket(WebSocket socket) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public static async Task<GraphQLSocket> ConnectAsync(TestServer server, string subProtocol = "graphql-transport-ws")
    {
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add(subProtocol);
        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), CancellationToken.None);
        return new GraphQLSocket(socket);
    }

    /// <summary>A real client socket (<see cref="ClientWebSocket"/>) to a service listening on TCP.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(Uri baseAddress)
    {
        var client = new ClientWebSocket();
        client.Options.AddSubProtocol("graphql-transport-ws");
        await client.ConnectAsync(new Uri(new Uri(baseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "graphql"), CancellationToken.None);
        var socket = new GraphQLSocket(client);
        await socket.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (string)(await socket.ReceiveAsync())["type"]!);
        return socket;
    }

    /// <summary>Connects and completes <c>connection_init</c> with <paramref name="payload"/>.</summary>
    public static async Task<GraphQLSocket> InitialisedAsync(TestServer server, object? payload = null)
    {
        var socket = await ConnectAsync(server);
        await socket.SendAsync(new { type = "connection_init", payload });
        Assert.Equal("connection_ack", (string)(await socket.ReceiveAsync())["type"]!);
        return socket;
    }

    public WebSocket Socket { get; } = socket;

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message; fails if the socket closes instead.</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        var (text, status) = await ReceiveFrameAsync();
        Assert.True(text is not null, $"The socket closed with {(int?)status} instead of sending a message.");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Reads until the server closes; returns the close code (messages before it are skipped).</summary>
    public async Task<int> ClosedAsync()
    {
        while (true)
        {
            var (text, status) = await ReceiveFrameAsync();
            if (text is null) return (int)status!.Value;
        }
    }

    /// <summary>Reads until the server closes; returns every message before the close, and the close code.</summary>
    public async Task<(List<JsonObject> Messages, int Code)> MessagesUntilClosedAsync()
    {
        var messages = new List<JsonObject>();
        while (true)
        {
            var (text, status) = await ReceiveFrameAsync();
            if (text is null) return (messages, (int)status!.Value);
            messages.Add(JsonNode.Parse(text)!.AsObject());
        }
    }

    private async Task<(string? Text, WebSocketCloseStatus? Status)> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (null, result.CloseStatus);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return (Encoding.UTF8.GetString(message.ToArray()), null);
    }

    public void Dispose() => Socket.Dispose();
}
