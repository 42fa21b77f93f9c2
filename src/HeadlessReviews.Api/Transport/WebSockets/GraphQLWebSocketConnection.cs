using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>
/// One accepted <c>graphql-transport-ws</c> socket: reads messages one at a time and answers them per
/// the protocol; operations run concurrently, each in a DI scope of its own, and write through the
/// socket's <see cref="SocketOutbox"/>. Its identity is set by <c>connection_init</c>, confirmed again
/// before each new operation, and may be replaced or withdrawn by the application meanwhile (see
/// <see cref="IConnectionIdentity"/>).
/// </summary>
public sealed class GraphQLWebSocketConnection<TSchema>(
    HttpContext context,
    WebSocket socket,
    GraphQLWebSocketSettings settings,
    IDocumentExecuter<TSchema> executer,
    IGraphQLTextSerializer serializer,
    ILogger logger) : ILiveConnection where TSchema : ISchema
{
    private readonly ConcurrentDictionary<string, SocketOperation<TSchema>> _operations = new();
    private readonly IConnectionIdentity? _identity = context.RequestServices.GetService<IConnectionIdentity>();
    private bool _initReceived;
    private bool _acknowledged;
    private string? _identityKey;

    public SocketOutbox Outbox { get; } = new(socket, settings.OutboundBufferMessages, settings.CloseTimeout, logger);

    public ClaimsPrincipal User => context.User;

    public string? IdentityKey => Volatile.Read(ref _identityKey);

    /// <summary>Every later operation's scope sees this identity (through the HTTP context of the socket).</summary>
    public bool ReplaceUser(ClaimsPrincipal user)
    {
        context.User = user;
        return true;
    }

    public Task ForbidAsync(ExecutionError reason)
    {
        // Operations stop before the close frame goes out: nothing more is resolved or sent for them.
        foreach (var operation in _operations.Values) operation.Stop();
        return Outbox.CloseAsync(CloseCodes.Forbidden, $"Forbidden: {reason.Message}");
    }

    public Task GoAwayAsync() => Outbox.CloseAsync(CloseCodes.GoingAway, "Server shutting down");

    public async Task RunAsync()
    {
        var sending = Outbox.RunAsync();
        _ = CloseUnlessInitialisedAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away without a close frame, or the socket was aborted.
        }
        catch (Exception error)
        {
            logger.LogError(error, "The WebSocket connection failed.");
            await Outbox.CloseAsync(CloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            foreach (var operation in _operations.Values) operation.Stop();
            if (!Outbox.IsClosing) await Outbox.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "");
            await AwaitClientCloseAsync();
            Outbox.Abort();
            await sending;
        }
    }

    /// <summary>
    /// After our close frame, reads (and drops) what the client still sends until its own close frame
    /// arrives, or the outbox's close timeout aborts the socket: aborting at once could reset the TCP
    /// connection before the client has read our close frame, and it would see 1006 instead of our code.
    /// </summary>
    private async Task AwaitClientCloseAsync()
    {
        var discard = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (socket.State == WebSocketState.CloseSent)
                if ((await socket.ReceiveAsync(discard.AsMemory(), Outbox.Closed)).MessageType == WebSocketMessageType.Close) return;
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or did not answer in time.
        }
        finally { ArrayPool<byte>.Shared.Return(discard); }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try { await Task.Delay(settings.ConnectionInitTimeout, Outbox.Closed); }
        catch (OperationCanceledException) { return; }
        if (!Volatile.Read(ref _initReceived)) await Outbox.CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (length >= settings.MaxMessageBytes)
                        {
                            await Outbox.CloseAsync(CloseCodes.MessageTooBig, $"Messages are limited to {settings.MaxMessageBytes} bytes");
                            return;
                        }
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, settings.MaxMessageBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    received = await socket.ReceiveAsync(buffer.AsMemory(length), Outbox.Closed);
                    length += received.Count;
                } while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close) return;
                if (length > settings.MaxMessageBytes)
                {
                    await Outbox.CloseAsync(CloseCodes.MessageTooBig, $"Messages are limited to {settings.MaxMessageBytes} bytes");
                    return;
                }
                if (Outbox.IsClosing) continue;
                try
                {
                    if (received.MessageType != WebSocketMessageType.Text) throw new ProtocolViolationException("Invalid message received: binary frames are not part of the protocol.");
                    await HandleAsync(ClientMessage.Parse(buffer.AsSpan(0, length), serializer));
                }
                catch (ProtocolViolationException violation)
                {
                    await Outbox.CloseAsync(CloseCodes.BadRequest, violation.Message);
                }
                // Shrink back after a large message: idle sockets stay small.
                if (buffer.Length > 4096) { ArrayPool<byte>.Shared.Return(buffer); buffer = ArrayPool<byte>.Shared.Rent(4096); }
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    private async Task HandleAsync(ClientMessage message)
    {
        switch (message.Type)
        {
            case ClientMessage.ConnectionInit:
                await InitialiseAsync(message.Payload);
                break;
            case ClientMessage.Ping:
                Outbox.Send(ServerMessages.Pong);
                break;
            case ClientMessage.Pong:
                break;
            case ClientMessage.Subscribe:
                await SubscribeAsync(message.Id!, message.Request!);
                break;
            case ClientMessage.Complete:
                if (_operations.TryRemove(message.Id!, out var operation)) operation.Stop();
                break;
        }
    }

    private async Task InitialiseAsync(JsonElement? payload)
    {
        if (_initReceived)
        {
            await Outbox.CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }
        Volatile.Write(ref _initReceived, true);
        var handler = context.RequestServices.GetService<IConnectionInitHandler>();
        var decision = handler is null ? ConnectionInitResult.Accept() : await handler.HandleAsync(context, payload, Outbox.Closed);
        if (!decision.Accepted)
        {
            await Outbox.CloseAsync(CloseCodes.Forbidden, decision.Reason ?? "Forbidden");
            return;
        }
        if (decision.User is not null) ReplaceUser(decision.User);
        Volatile.Write(ref _identityKey, _identity?.KeyOf(context.User));
        _acknowledged = true;
        Outbox.Send(ServerMessages.ConnectionAck);
        if (settings.PingInterval > TimeSpan.Zero) _ = PingAsync();
    }

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(settings.PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(Outbox.Closed)) Outbox.Send(ServerMessages.Ping);
        }
        catch (OperationCanceledException) { }
    }

    private async Task SubscribeAsync(string id, GraphQLRequest request)
    {
        if (!_acknowledged)
        {
            await Outbox.CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
            return;
        }
        if (_operations.ContainsKey(id))
        {
            await Outbox.CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }
        // The identity the socket was opened with may have been withdrawn or changed since, and the
        // announcement missed: confirm it before running anything more as it (this may close the socket).
        if (_identity is not null && IdentityKey is not null)
        {
            await _identity.RecheckAsync(this, Outbox.Closed);
            if (Outbox.IsClosing) return;
        }
        if (_operations.Count >= settings.MaxSubscriptionsPerConnection)
        {
            var refused = new ExecutionResult { Executed = false };
            refused.AddError(new ExecutionError($"At most {settings.MaxSubscriptionsPerConnection} operations may run at once on one connection.") { Code = "TOO_MANY_OPERATIONS" });
            Outbox.Send(ServerMessages.Error(id, SocketOperation<TSchema>.ErrorsJson(serializer, refused)));
            return;
        }

        var operation = new SocketOperation<TSchema>(id, request, context.User, context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope(),
            executer, serializer, Outbox, Outbox.Closed);
        _operations[id] = operation;
        _ = RunOperationAsync(operation);
    }

    private async Task RunOperationAsync(SocketOperation<TSchema> operation)
    {
        try
        {
            await Task.Yield();
            await operation.RunAsync();
        }
        catch (Exception error)
        {
            logger.LogError(error, "WebSocket operation {Id} failed.", operation.Id);
            await Outbox.CloseAsync(CloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, SocketOperation<TSchema>>(operation.Id, operation));
        }
    }
}
