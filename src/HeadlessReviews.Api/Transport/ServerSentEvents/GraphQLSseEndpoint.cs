using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Transport.Streaming;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Transport.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events, <c>graphql-sse</c> distinct connections mode: one request, one
/// operation of any type, answered as <c>text/event-stream</c>. A query or mutation gives one
/// <c>next</c> then <c>complete</c>; a subscription a <c>next</c> per event and <c>complete</c> when its
/// stream ends; the client ends it early by closing the request. As the protocol requires, GraphQL
/// errors found before execution (syntax, validation, variables) arrive as a <c>next</c> carrying
/// <c>errors</c> on an accepted stream; HTTP-level refusals (unparseable body, 405, 413, 415) are
/// answered by <see cref="GraphQLHttpEndpoint{TSchema}"/> as plain HTTP errors, before any stream.
/// The request's DI scope (and so the viewer) lives as long as the stream; only so many streams per
/// client address (429 beyond), each filed in <see cref="ConnectionRegistry"/> under its identity, so the
/// application can end it when that identity is withdrawn. Knows nothing of the schema.
/// </summary>
public sealed class GraphQLSseEndpoint<TSchema>(
    IDocumentExecuter<TSchema> executer,
    IGraphQLTextSerializer serializer,
    ConnectionRegistry registry,
    IOptions<GraphQLSseSettings> settings,
    ILogger<GraphQLSseEndpoint<TSchema>> logger,
    IConnectionIdentity? identity = null) where TSchema : ISchema
{
    private const string Kind = "event-stream";

    private int _open;

    /// <summary>Requests being served as event streams right now (diagnostics and tests).</summary>
    public int OpenStreams => Volatile.Read(ref _open);

    public async Task HandleAsync(HttpContext context, GraphQLRequest request, bool isGet)
    {
        var client = ConnectionRegistry.ClientOf(context);
        var limit = settings.Value.MaxConnectionsPerClient;
        if (!registry.TryAdd(Kind, client, limit))
        {
            await TooManyConnections.WriteAsync(context, serializer, $"At most {limit} event streams per client address.");
            return;
        }
        Interlocked.Increment(ref _open);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var live = new LiveStream(context.User, identity?.KeyOf(context.User), ended);
        registry.Track(live);
        try
        {
            var result = await executer.ExecuteAsync(request.ToExecutionOptions(context.User, context.RequestServices, isGet ? OperationRule.ForGetStream : OperationRule.ForPostStream, ended.Token));

            if (result.Errors?.Any(error => error is MethodNotAllowedError) == true)
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "POST";
                context.Response.ContentType = $"{ResponseMediaType.Json}; charset=utf-8";
                await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
                return;
            }

            var stream = new OutboundEvents(settings.Value.OutboundBufferMessages, context, ended, logger);
            await StartStreamAsync(context);
            // Forbidden: stop forwarding at once; the reason and `complete` follow below.
            void Forward(ExecutionResult value)
            {
                if (live.Forbidden is null) stream.Send(EventStreamMessages.Next(serializer.Serialize(value)));
            }
            var writing = stream.WriteAllAsync(context.Response.Body);
            var keepingAlive = KeepAliveAsync(stream, ended.Token);
            try
            {
                if (result.Executed && result.Streams is { Count: > 0 } streams)
                    await ForwardingObserver.ForwardAllAsync(streams.Values, Forward, live.ForbiddenAt, ended.Token);
                else
                    stream.Send(EventStreamMessages.Next(serializer.Serialize(result)));
                if (live.Forbidden is { } forbidden)
                {
                    var refusal = new ExecutionResult { Executed = true };
                    refusal.AddError(forbidden);
                    stream.Send(EventStreamMessages.Next(serializer.Serialize(refusal)));
                }
                stream.Send(EventStreamMessages.Complete);
            }
            catch (OperationCanceledException) when (ended.IsCancellationRequested)
            {
            }
            finally
            {
                stream.Close();
                await writing;
                await ended.CancelAsync();
                await keepingAlive;
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client went away (or read too slowly) while the operation ran.
        }
        finally
        {
            registry.Untrack(live);
            registry.Remove(Kind, client);
            Interlocked.Decrement(ref _open);
        }
    }

    private static async Task StartStreamAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"{EventStreamMediaType.EventStream}; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // Connection-specific headers are not allowed in HTTP/2 and later.
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
            response.Headers.Connection = "keep-alive";
        // Tells nginx-style proxies not to buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
    }

    private async Task KeepAliveAsync(OutboundEvents stream, CancellationToken ended)
    {
        var interval = settings.Value.KeepAliveInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ended)) stream.Send(EventStreamMessages.KeepAlive);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>One stream as <see cref="ConnectionRegistry"/> sees it: it keeps its request's identity, and is forbidden or told to go away.</summary>
    private sealed class LiveStream(ClaimsPrincipal user, string? identityKey, CancellationTokenSource ended) : ILiveConnection
    {
        private readonly TaskCompletionSource _forbidden = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ExecutionError? _error;

        public ClaimsPrincipal User => user;

        public string? IdentityKey => identityKey;

        public ExecutionError? Forbidden => Volatile.Read(ref _error);

        public Task ForbiddenAt => _forbidden.Task;

        // A stream runs one operation, already started with the request's identity.
        public bool ReplaceUser(ClaimsPrincipal replacement) => false;

        public Task ForbidAsync(ExecutionError reason)
        {
            Interlocked.CompareExchange(ref _error, reason, null);
            _forbidden.TrySetResult();
            return Task.CompletedTask;
        }

        public Task GoAwayAsync()
        {
            try { ended.Cancel(); } catch (ObjectDisposedException) { }
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// The only writer to the response: events wait in a <see cref="BoundedOutbox"/> and one loop writes
    /// and flushes them in order. A full queue means the client reads too slowly: the stream is ended,
    /// never buffered further.
    /// </summary>
    private sealed class OutboundEvents(int capacity, HttpContext context, CancellationTokenSource ended, ILogger logger)
    {
        private readonly BoundedOutbox _queue = new(capacity, () =>
        {
            logger.LogWarning("Event-stream client too slow: {Capacity} events queued; ending the stream.", capacity);
            LiveConnectionMetrics.SlowClientsClosed.Add(1, LiveConnectionMetrics.Transport(Kind));
            try { ended.Cancel(); } catch (ObjectDisposedException) { }
            context.Abort();
        });

        public void Send(byte[] message) => _queue.Send(message);

        /// <summary>No more events: what is queued is still written.</summary>
        public void Close() => _queue.Close();

        public async Task WriteAllAsync(Stream body)
        {
            try
            {
                await foreach (var message in _queue.ReadAllAsync(ended.Token))
                {
                    await body.WriteAsync(message, ended.Token);
                    await body.FlushAsync(ended.Token);
                }
            }
            catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client went away, or the stream was ended: nothing more to write.
                Close();
                try { ended.Cancel(); } catch (ObjectDisposedException) { }
            }
        }
    }
}
