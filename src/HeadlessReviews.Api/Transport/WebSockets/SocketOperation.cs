using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Transport.Streaming;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>
/// One <c>subscribe</c> on a socket, in a DI scope of its own (so scoped services, such as who the viewer
/// is, reflect the connection's identity): a query or mutation answers <c>next</c> then <c>complete</c>;
/// a subscription forwards each event as <c>next</c> and <c>complete</c>s when its stream ends; a
/// request that never executed (syntax, validation, variables) answers <c>error</c>.
/// </summary>
public sealed class SocketOperation<TSchema>(
    string id,
    GraphQLRequest request,
    ClaimsPrincipal user,
    IServiceScope scope,
    IDocumentExecuter<TSchema> executer,
    IGraphQLTextSerializer serializer,
    SocketOutbox outbox,
    CancellationToken connectionClosed) where TSchema : ISchema
{
    private readonly CancellationTokenSource _stopped = CancellationTokenSource.CreateLinkedTokenSource(connectionClosed);

    public string Id { get; } = id;

    /// <summary>The client sent <c>complete</c> (or the socket is going away): stop without a word.</summary>
    public void Stop()
    {
        try { _stopped.Cancel(); } catch (ObjectDisposedException) { }
    }

    public async Task RunAsync()
    {
        try
        {
            var result = await executer.ExecuteAsync(request.ToExecutionOptions(user, scope.ServiceProvider, OperationRule.ForSocket, _stopped.Token));
            if (_stopped.IsCancellationRequested) return;
            if (!result.Executed)
            {
                outbox.Send(ServerMessages.Error(Id, ErrorsJson(serializer, result)));
                return;
            }
            if (result.Streams is { Count: > 0 } streams)
                await ForwardingObserver.ForwardAllAsync(streams.Values, SendNext, stopEarly: null, _stopped.Token);
            else
                outbox.Send(ServerMessages.Next(Id, serializer.Serialize(result)));
            if (!_stopped.IsCancellationRequested) outbox.Send(ServerMessages.Complete(Id));
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
        }
        finally
        {
            _stopped.Dispose();
            if (scope is IAsyncDisposable asyncScope) await asyncScope.DisposeAsync(); else scope.Dispose();
        }
    }

    private void SendNext(ExecutionResult result)
    {
        if (!_stopped.IsCancellationRequested) outbox.Send(ServerMessages.Next(Id, serializer.Serialize(result)));
    }

    /// <summary>The <c>errors</c> array of a result, as JSON, for the <c>error</c> message.</summary>
    public static string ErrorsJson(IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }
}
