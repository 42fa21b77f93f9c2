using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Reviews.Subscriptions;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Transport.ServerSentEvents;

/// <summary>
/// An event-stream client that stops reading is cut off once its bounded buffer is full, instead of the
/// server keeping every later event for it. Against the real process over real TCP: the in-process
/// test server applies no back-pressure, so a reader there is never slow.
/// </summary>
public sealed class SseSlowReaderTests
{
    private const int Buffer = 4;
    private const int Published = 150;
    // Each event carries the Her review's body this many times (about 4 KB each), so a handful of
    // events fill the socket buffers and far more are published than buffers could ever hold.
    private const int Copies = 40;
    private const int KestrelResponseBuffer = 64 * 1024;

    [Fact]
    public async Task A_client_that_stops_reading_has_its_stream_ended_and_is_sent_no_more_than_the_buffers_hold()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["HeadlessReviews__SeedDemoData"] = "true",
            ["HeadlessReviews__ServerSentEvents__OutboundBufferMessages"] = Buffer.ToString(CultureInfo.InvariantCulture),
            ["HeadlessReviews__ServerSentEvents__KeepAliveInterval"] = "00:00:00",
        });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8 * 1024 };
        await client.ConnectAsync(IPAddress.Loopback, service.Port);
        await client.SendAsync(SubscribeRequest());
        var received = new MemoryStream();
        var head = await ReadHeadAsync(client, received);
        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
        // The subscription starts listening just after the response starts: one event read in full proves it listens.
        await FirstEventReadAsync(client, service.Database, received);
        received.SetLength(0);

        // Stop reading, and publish far more than the buffers hold.
        await NotifyAsync(service.Database, Published);
        Assert.True(await service.WaitForOutputAsync("Event-stream client too slow", TimeSpan.FromSeconds(10)),
            "The server never gave up on the slow reader:\n" + string.Join('\n', service.Output));

        // Reading again, the client gets what was already on its way, then the end of the stream.
        var ended = await ReadToEndAsync(client, received, TimeSpan.FromSeconds(5));
        var body = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
        var events = Count(body, "event: next\n");
        Assert.True(ended, $"The stream was still open after {events} events.");
        Assert.Equal(0, Count(body, "event: complete"));

        // What reached the client is at most the stream's buffer (and the event being written) plus what
        // Kestrel and the two sockets hold on the way: never the backlog a growing buffer would have kept.
        var onTheWay = KestrelResponseBuffer + LargestSocketSendBuffer() + 2L * client.ReceiveBufferSize;
        var mostEvents = Buffer + 1 + (int)Math.Ceiling(onTheWay / (double)await EventBytesAsync(service.Port));
        Assert.True(events <= mostEvents, $"{events} events reached a client that was not reading; the buffers hold {mostEvents}.");
        Assert.True(mostEvents < Published / 2, $"The test publishes too little to overflow {mostEvents} events' worth of buffers.");

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{service.Port}/health/live"))).StatusCode);
    }

    private static string Selection => "id " + string.Join(' ', Enumerable.Range(1, Copies).Select(copy => $"copy{copy}: body {{ markdown html }}"));

    // HTTP/1.0, so the body is the bare event stream up to the close (no chunked framing to undo).
    private static byte[] SubscribeRequest()
    {
        var json = JsonSerializer.Serialize(new { query = $"subscription {{ reviewPublished {{ {Selection} }} }}" });
        var length = Encoding.UTF8.GetByteCount(json);
        return Encoding.UTF8.GetBytes(
            $"POST /graphql HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: {length}\r\n\r\n{json}");
    }

    /// <summary>About the size of one event: the same selection of the same review, as a query.</summary>
    private static async Task<long> EventBytesAsync(int port)
    {
        using var http = new HttpClient();
        var query = JsonSerializer.Serialize(new { query = $$"""{ review(slug: "her") { {{Selection}} } }""" });
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/graphql"), new StringContent(query, Encoding.UTF8, "application/json"));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    // The bus's own wire format, straight into PostgreSQL: every NOTIFY names the published Her review,
    // each payload distinct (PostgreSQL folds identical ones sent in one transaction).
    private static async Task NotifyAsync(string database, int count)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var notify = new NpgsqlCommand("""
            select pg_notify(@channel, json_build_object('topic', @topic, 'message', json_build_object('reviewId', @review, 'copy', copy))::text)
            from generate_series(1, @count) copy
            """, connection);
        notify.Parameters.AddWithValue("channel", new RealtimeSettings().Channel);
        notify.Parameters.AddWithValue("topic", ReviewPublished.Topic);
        notify.Parameters.AddWithValue("review", DemoIds.For("review", "her"));
        notify.Parameters.AddWithValue("count", count);
        await notify.ExecuteNonQueryAsync();
    }

    /// <summary>Announces the review until one whole event has arrived (an announcement before the subscription listens is lost).</summary>
    private static async Task FirstEventReadAsync(Socket client, string database, MemoryStream body)
    {
        var buffer = new byte[64 * 1024];
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await NotifyAsync(database, 1);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                while (true)
                {
                    var read = await client.ReceiveAsync(buffer, patience.Token);
                    if (read == 0) throw new InvalidOperationException("The stream ended before its first event.");
                    body.Write(buffer, 0, read);
                    var text = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
                    var start = text.IndexOf("event: next\n", StringComparison.Ordinal);
                    if (start >= 0 && text.IndexOf("\n\n", start, StringComparison.Ordinal) >= 0) return;
                }
            }
            catch (OperationCanceledException) { }
        }
        throw new Xunit.Sdk.XunitException("No event reached the stream: the subscription never listened.");
    }

    /// <summary>Reads up to the blank line after the response headers; any body bytes read with them go to <paramref name="body"/>.</summary>
    private static async Task<string> ReadHeadAsync(Socket client, MemoryStream body)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var head = new List<byte>();
        var buffer = new byte[1024];
        while (true)
        {
            var read = await client.ReceiveAsync(buffer, timeout.Token);
            if (read == 0) throw new InvalidOperationException("The connection closed before the response headers.");
            head.AddRange(buffer.AsSpan(0, read));
            var end = Encoding.ASCII.GetString([.. head]).IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            body.Write([.. head], end + 4, head.Count - end - 4);
            return Encoding.ASCII.GetString([.. head], 0, end);
        }
    }

    /// <summary>Reads everything that arrives into <paramref name="body"/>; true when the server ended the stream within <paramref name="patience"/>.</summary>
    private static async Task<bool> ReadToEndAsync(Socket client, MemoryStream body, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await client.ReceiveAsync(buffer, timeout.Token)) > 0) body.Write(buffer, 0, read);
            return true;
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The most the kernel lets one TCP socket hold unsent (the third figure of <c>tcp_wmem</c>).</summary>
    private static long LargestSocketSendBuffer() =>
        long.Parse(File.ReadAllText("/proc/sys/net/ipv4/tcp_wmem").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
