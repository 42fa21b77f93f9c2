using System.Net.WebSockets;
using System.Text;
using HeadlessReviews.Api.Transport.WebSockets;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.WebSockets;

/// <summary>
/// A WebSocket client that breaks the protocol is closed with the protocol's code and a real close
/// frame, over a real TCP socket: the client reads 4400 (or 1009 for a message too large), never 1006
/// (a connection dropped without a close). Nothing it sent is logged above a warning.
/// </summary>
public sealed class WebSocketHostileInputTests(KestrelInstance service) : IClassFixture<KestrelInstance>
{
    private const string Film = "query Film($v: String!) { film(slug: $v) { title } } # hostile7f3a";

    public static TheoryData<string, string> Violations() => new()
    {
        { "not JSON", "{ this is not json" },
        { "not an object", "[1, 2]" },
        { "no type", """{"id":"1"}""" },
        { "an unknown type", """{"type":"subscribe_all"}""" },
        { "subscribe without a payload", """{"id":"1","type":"subscribe"}""" },
        { "subscribe with a payload that is a string", """{"id":"1","type":"subscribe","payload":"{ film }"}""" },
        { "subscribe with variables that are a list", """{"id":"1","type":"subscribe","payload":{"query":"{ __typename }","variables":[1]}}""" },
        { "a key twice in variables", """{"id":"1","type":"subscribe","payload":{"query":"FILM","variables":{"v":"her","v":"her"}}}""".Replace("FILM", Film, StringComparison.Ordinal) },
        { "a key twice in extensions", """{"id":"1","type":"subscribe","payload":{"query":"FILM","variables":{"v":"her"},"extensions":{"a":1,"a":2}}}""".Replace("FILM", Film, StringComparison.Ordinal) },
        { "a key twice in the message", """{"id":"1","id":"2","type":"complete"}""" },
        { "a lone surrogate in a variable", """{"id":"1","type":"subscribe","payload":{"query":"FILM","variables":{"v":["\ud800"]}}}""".Replace("FILM", Film, StringComparison.Ordinal) },
        { "a lone surrogate in the query", """{"id":"1","type":"subscribe","payload":{"query":"{ film(slug: \"\udc00\") { title } }"}}""" },
        { "a lone surrogate in the type", """{"type":"ping\ud800"}""" },
        { "a lone surrogate in the id", """{"id":"\ud800","type":"complete"}""" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_malformed_message_closes_with_4400_and_a_close_frame(string name, string message)
    {
        _ = name;
        using var socket = await GraphQLSocket.ConnectAsync(service.BaseAddress);
        var before = service.Logs.Lines.Count;

        await socket.SendTextAsync(message);

        Assert.Equal(CloseCodes.BadRequest, await socket.ClosedAsync());
        Assert.False(string.IsNullOrEmpty(socket.Socket.CloseStatusDescription));
        AssertNothingLoggedAsAFault(before);
    }

    [Fact]
    public async Task A_binary_frame_closes_with_4400()
    {
        using var socket = await GraphQLSocket.ConnectAsync(service.BaseAddress);

        await socket.Socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"ping"}"""), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        Assert.Equal(CloseCodes.BadRequest, await socket.ClosedAsync());
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_text_frame_closes_with_a_close_frame()
    {
        using var socket = await GraphQLSocket.ConnectAsync(service.BaseAddress);
        var before = service.Logs.Lines.Count;

        byte[] message = [.. Encoding.UTF8.GetBytes("""{"type":"ping","payload":{"a":"""), 0xFF, .. "\"}}"u8];
        await socket.Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        // RFC 6455 names 1007 for text that is not UTF-8; graphql-transport-ws, 4400 for a bad message.
        Assert.Contains(await socket.ClosedAsync(), new[] { (int)WebSocketCloseStatus.InvalidPayloadData, CloseCodes.BadRequest });
        AssertNothingLoggedAsAFault(before);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_message_over_the_limit_closes_with_1009_and_a_close_frame(int times)
    {
        using var socket = await GraphQLSocket.ConnectAsync(service.BaseAddress);
        var before = service.Logs.Lines.Count;
        var limit = new GraphQLWebSocketSettings().MaxMessageBytes;
        var padding = new string(' ', (times * limit) + 1);

        // Sent in parts, as a large message is: the server closes before the last part arrives.
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"ping\",\"payload\":{\"pad\":\"" + padding + "\"}}");
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
            {
                var count = Math.Min(16 * 1024, bytes.Length - offset);
                await socket.Socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, endOfMessage: offset + count == bytes.Length, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The server may have closed while parts were still going out; its close frame is what counts.
        }

        Assert.Equal(CloseCodes.MessageTooBig, await socket.ClosedAsync());
        AssertNothingLoggedAsAFault(before);
    }

    [Fact]
    public async Task A_NUL_in_a_variable_is_removed_and_the_operation_runs()
    {
        using var socket = await GraphQLSocket.ConnectAsync(service.BaseAddress);
        var before = service.Logs.Lines.Count;

        await socket.SendTextAsync("""{"id":"1","type":"subscribe","payload":{"query":"FILM","variables":{"v":"her\u0000"}}}""".Replace("FILM", Film, StringComparison.Ordinal));

        var next = await socket.ReceiveAsync();
        Assert.Equal("next", (string)next["type"]!);
        Assert.Equal("Her", (string)next["payload"]!["data"]!["film"]!["title"]!);
        AssertNothingLoggedAsAFault(before);
    }

    private void AssertNothingLoggedAsAFault(int before)
    {
        var faults = service.Logs.Lines.Skip(before)
            .Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal)
                || line.Contains("hostile7f3a", StringComparison.Ordinal))
            .ToList();
        Assert.True(faults.Count == 0, string.Join('\n', faults));
    }
}
