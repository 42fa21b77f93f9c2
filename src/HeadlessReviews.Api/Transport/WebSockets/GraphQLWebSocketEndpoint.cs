using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>
/// The WebSocket upgrade of the GraphQL path: only <c>graphql-transport-ws</c> is spoken (a request
/// not offering it is refused with 400 before the upgrade), and only so many sockets per client
/// address (429 beyond). Knows nothing of the schema it serves.
/// </summary>
public sealed class GraphQLWebSocketEndpoint<TSchema>(
    IDocumentExecuter<TSchema> executer,
    IGraphQLTextSerializer serializer,
    ConnectionRegistry registry,
    IOptions<GraphQLWebSocketSettings> settings,
    ILogger<GraphQLWebSocketEndpoint<TSchema>> logger) where TSchema : ISchema
{
    public const string SubProtocol = "graphql-transport-ws";
    private const string Kind = "websocket";

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"This endpoint speaks the `{SubProtocol}` WebSocket subprotocol only; offer it in Sec-WebSocket-Protocol.");
            return;
        }
        var client = ConnectionRegistry.ClientOf(context);
        var limits = settings.Value;
        if (!registry.TryAdd(Kind, client, limits.MaxConnectionsPerClient))
        {
            await TooManyConnections.WriteAsync(context, serializer, $"At most {limits.MaxConnectionsPerClient} WebSocket connections per client address.");
            return;
        }
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
            var connection = new GraphQLWebSocketConnection<TSchema>(context, socket, limits, executer, serializer, logger);
            registry.Track(connection);
            try { await connection.RunAsync(); }
            finally
            {
                registry.Untrack(connection);
                connection.Outbox.Dispose();
            }
        }
        finally { registry.Remove(Kind, client); }
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
