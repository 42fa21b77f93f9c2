using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Text;
using HeadlessReviews.Api.Transport.WebSockets;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HeadlessReviews.Tests.Transport.WebSockets;

/// <summary>
/// A slow WebSocket consumer cannot grow memory without bound: the outbound queue is bounded and a full
/// queue closes the socket with 1013. The in-process TestServer's sockets never push back on the sender,
/// so the bound is proven on <see cref="SocketOutbox"/> itself, with a socket whose sends never finish.
/// The per-connection operation limit is tested end to end.
/// </summary>
public sealed class WebSocketBoundsTests
{
    private const int Capacity = 8;

    [Fact]
    public async Task A_consumer_that_never_reads_is_closed_once_the_buffer_is_full_and_nothing_more_is_queued()
    {
        var socket = new StuckSocket();
        using var outbox = new SocketOutbox(socket, Capacity, TimeSpan.FromMilliseconds(200), NullLogger.Instance);
        var running = outbox.RunAsync();

        // The first message is taken by the send loop and its send never completes.
        outbox.Send(Message(0));
        await socket.FirstSendStarted.WaitAsync(TimeSpan.FromSeconds(10));

        // Exactly Capacity more fit in the queue.
        for (var i = 1; i <= Capacity; i++) outbox.Send(Message(i));
        Assert.False(outbox.IsClosing);

        // One more overflows: the socket is closed instead of buffering further.
        outbox.Send(Message(Capacity + 1));
        Assert.True(outbox.IsClosing);

        // Further messages are dropped, not queued.
        for (var i = 0; i < 10_000; i++) outbox.Send(Message(i));

        // The stuck send holds the socket, so the close frame cannot go out: the socket is aborted.
        await WaitAsync(outbox.Closed);
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(socket.Aborted);
        Assert.Equal(1, socket.SendsStarted);
    }

    [Fact]
    public async Task A_full_buffer_closes_the_socket_with_1013()
    {
        var socket = new StuckSocket();
        using var outbox = new SocketOutbox(socket, Capacity, TimeSpan.FromSeconds(5), NullLogger.Instance);
        var closesCounted = 0L;
        using var metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "headlessreviews.live.slow_clients_closed") listener.EnableMeasurementEvents(instrument);
            },
        };
        metrics.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref closesCounted, value));
        metrics.Start();

        // No send loop runs: the queue fills and the next message overflows it.
        for (var i = 0; i < Capacity; i++) outbox.Send(Message(i));
        Assert.False(outbox.IsClosing);
        outbox.Send(Message(Capacity));
        Assert.True(outbox.IsClosing);

        var code = await socket.CloseSent.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1013, code);
        Assert.Equal(0, socket.SendsStarted);
        // Operators see it in /metrics (headlessreviews_live_slow_clients_closed_total).
        Assert.True(Interlocked.Read(ref closesCounted) >= 1);
        outbox.Abort();
    }

    [Fact]
    public async Task One_operation_more_than_MaxSubscriptionsPerConnection_is_refused_with_TOO_MANY_OPERATIONS()
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        try
        {
            using var host = new ServiceHost("Development", new Dictionary<string, string?>
            {
                ["ConnectionStrings:Reviews"] = database,
                ["HeadlessReviews:WebSockets:MaxSubscriptionsPerConnection"] = "2",
                ["HeadlessReviews:WebSockets:OutboundBufferMessages"] = "8",
            });
            _ = host.Server;

            using var socket = await GraphQLSocket.InitialisedAsync(host.Server);
            await socket.SubscribeAsync("one", "subscription { reviewPublished { id } }");
            await socket.SubscribeAsync("two", "subscription { reviewPublished { id } }");
            await socket.SubscribeAsync("three", "subscription { reviewPublished { id } }");

            var refused = await socket.ReceiveAsync();
            Assert.Equal("error", (string)refused["type"]!);
            Assert.Equal("three", (string)refused["id"]!);
            Assert.Equal("TOO_MANY_OPERATIONS", (string)refused["payload"]![0]!["extensions"]!["code"]!);

            // The connection stays usable.
            await socket.SendAsync(new { type = "ping" });
            Assert.Equal("pong", (string)(await socket.ReceiveAsync())["type"]!);
        }
        finally
        {
            await ServiceHost.DropDatabaseAsync(database);
        }
    }

    private static byte[] Message(int i) => Encoding.UTF8.GetBytes("{\"type\":\"next\",\"id\":\"s\",\"payload\":{\"data\":{\"n\":" + i + "}}}");

    private static async Task WaitAsync(CancellationToken token)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (token.Register(() => fired.TrySetResult()))
            await fired.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    /// <summary>A socket whose sends never complete (a client that never reads), until it is aborted.</summary>
    private sealed class StuckSocket : WebSocket
    {
        private readonly TaskCompletionSource _firstSend = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<int> _closeSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _aborted = new();
        private WebSocketState _state = WebSocketState.Open;
        private int _sendsStarted;

        public Task FirstSendStarted => _firstSend.Task;
        public Task<int> CloseSent => _closeSent.Task;
        public int SendsStarted => Volatile.Read(ref _sendsStarted);
        public bool Aborted => _aborted.IsCancellationRequested;

        public override WebSocketCloseStatus? CloseStatus => null;
        public override string? CloseStatusDescription => null;
        public override WebSocketState State => _state;
        public override string? SubProtocol => "graphql-transport-ws";

        public override void Abort()
        {
            _state = WebSocketState.Aborted;
            _aborted.Cancel();
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
        {
            _state = WebSocketState.CloseSent;
            _closeSent.TrySetResult((int)closeStatus);
            return Task.CompletedTask;
        }

        // A client that never sends nor reads: the endless waits are the behaviour under test.
        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
            Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith<WebSocketReceiveResult>(_ => throw new OperationCanceledException(), TaskScheduler.Default);

        public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sendsStarted);
            _firstSend.TrySetResult();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _aborted.Token);
            await Task.Delay(Timeout.Infinite, linked.Token);
        }

        public override void Dispose() => _aborted.Dispose();
    }
}
