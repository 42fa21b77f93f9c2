using System.Text.Json;
using GraphQL;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>
/// A message from the client, checked against the shapes <c>graphql-transport-ws</c> allows; anything
/// else is a <see cref="ProtocolViolationException"/> (close 4400). A <c>subscribe</c> payload is read by
/// the parser of every transport, <see cref="GraphQLRequest.FromJson"/>, into <see cref="Request"/>.
/// </summary>
public sealed record ClientMessage(string Type, string? Id, JsonElement? Payload, GraphQLRequest? Request = null)
{
    public const string ConnectionInit = "connection_init";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Complete = "complete";

    /// <summary>Parses one text frame. The payload is cloned, so the document can be released.</summary>
    public static ClientMessage Parse(ReadOnlySpan<byte> utf8, IGraphQLSerializer serializer)
    {
        JsonDocument document;
        try { document = RequestJson.Parse(utf8.ToArray()); }
        catch (JsonException) { throw new ProtocolViolationException("Invalid message received: not UTF-8 JSON, a property given twice, or a lone surrogate."); }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ProtocolViolationException("Invalid message received: not a JSON object.");
            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                throw new ProtocolViolationException("Invalid message received: no `type`.");
            var type = typeElement.GetString()!;
            JsonElement? payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p.Clone() : null;
            string? id = null;
            GraphQLRequest? request = null;

            switch (type)
            {
                case ConnectionInit or Ping or Pong:
                    if (payload is { ValueKind: not JsonValueKind.Object }) throw new ProtocolViolationException($"Invalid message received: `{type}` payload must be an object.");
                    break;
                case Subscribe:
                    id = RequireId(root, type);
                    if (payload is not { ValueKind: JsonValueKind.Object } body) throw new ProtocolViolationException("Invalid message received: `subscribe` needs a payload object.");
                    if (!body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                        throw new ProtocolViolationException("Invalid message received: `subscribe` payload needs a `query` string.");
                    // The protocol requires the document as text; the rest is any transport's request.
                    try { request = GraphQLRequest.FromJson(body, serializer); }
                    catch (RequestRejectedException rejected) { throw new ProtocolViolationException($"Invalid message received: {rejected.Message}"); }
                    break;
                case Complete:
                    id = RequireId(root, type);
                    break;
                default:
                    throw new ProtocolViolationException($"Invalid message received: unexpected type `{type}`.");
            }
            return new ClientMessage(type, id, payload, request);
        }
    }

    private static string RequireId(JsonElement root, string type) =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : throw new ProtocolViolationException($"Invalid message received: `{type}` needs a non-empty string `id`.");
}

/// <summary>A message the protocol does not allow: the socket is closed with 4400 and this message.</summary>
public sealed class ProtocolViolationException(string message) : Exception(message);
