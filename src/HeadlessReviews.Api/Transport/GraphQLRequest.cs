using System.Security.Claims;
using System.Text.Json;
using GraphQL;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// A GraphQL request, the one model of every transport: read from a GET query string, or by one JSON
/// parser from a POST body, an event-stream POST and a WebSocket <c>subscribe</c> payload, each checked
/// against the spec's rules for each parameter. The document comes as text in <c>query</c>, or by id: a
/// persisted document's <c>documentId</c>, or the hash in <c>extensions.persistedQuery</c>. It becomes
/// <see cref="ExecutionOptions"/> in one place, <see cref="ToExecutionOptions"/>.
/// </summary>
public sealed record GraphQLRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions, string? DocumentId = null)
{
    public static GraphQLRequest FromQueryString(IQueryCollection query, IGraphQLSerializer serializer)
    {
        var text = query["query"] is [{ Length: > 0 } given] ? given : null;
        var documentId = query["documentId"] is [{ Length: > 0 } id] ? id : null;
        var extensions = JsonMap(query["extensions"], "extensions", serializer);
        if (text is null && documentId is null && !NamesPersistedQuery(extensions))
            throw new RequestRejectedException("Pass the GraphQL document in the `query` parameter (or a persisted document's `documentId`).");
        var operationName = query["operationName"] is [{ Length: > 0 } name] ? name : null;
        return new GraphQLRequest(text, operationName, JsonMap(query["variables"], "variables", serializer), extensions, documentId);
    }

    private static bool NamesPersistedQuery(Inputs? extensions) => extensions?.ContainsKey("persistedQuery") == true;

    public static GraphQLRequest FromJsonBody(ReadOnlyMemory<byte> body, IGraphQLSerializer serializer)
    {
        if (body.IsEmpty)
            throw new RequestRejectedException("The request body is empty; send a JSON object with a `query`.", isHttpLevel: true);
        JsonDocument document;
        try { document = RequestJson.Parse(body); }
        catch (JsonException exception) { throw new RequestRejectedException($"The request body is not valid UTF-8 JSON: {exception.Message}", isHttpLevel: true); }

        using (document) return FromJson(document.RootElement, serializer);
    }

    /// <summary>
    /// The one reading of a request as JSON (a POST body, a WebSocket <c>subscribe</c> payload). A
    /// request with neither <c>query</c>, <c>documentId</c> nor <c>extensions.persistedQuery</c> is refused.
    /// </summary>
    public static GraphQLRequest FromJson(JsonElement root, IGraphQLSerializer serializer)
    {
        if (root.ValueKind == JsonValueKind.Array)
            throw new RequestRejectedException("Batched requests (a JSON array) are not supported; send one JSON object per request.");
        if (root.ValueKind != JsonValueKind.Object)
            throw new RequestRejectedException("The request body must be a JSON object with a `query`.");

        string? documentId = null;
        if (root.TryGetProperty("documentId", out var id) && id.ValueKind != JsonValueKind.Null)
            documentId = id.ValueKind == JsonValueKind.String ? id.GetString() : throw new RequestRejectedException("`documentId` must be a string.");
        var extensions = Map(root, "extensions", serializer);

        string? text = null;
        if (root.TryGetProperty("query", out var query) && query.ValueKind != JsonValueKind.Null)
            text = query.ValueKind == JsonValueKind.String ? query.GetString() : throw new RequestRejectedException("`query` must be a string holding the GraphQL document.");
        if (text is null && documentId is null && !NamesPersistedQuery(extensions))
            throw new RequestRejectedException("The request has no `query`; send the GraphQL document as a string in `query`.");

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
            operationName = name.ValueKind == JsonValueKind.String ? name.GetString() : throw new RequestRejectedException("`operationName` must be a string or null.");

        return new GraphQLRequest(text, operationName, Map(root, "variables", serializer), extensions, documentId);
    }

    private static Inputs? Map(JsonElement root, string property, IGraphQLSerializer serializer) =>
        root.TryGetProperty(property, out var value) ? ReadMap(value, property, serializer) : null;

    private static Inputs? JsonMap(Microsoft.Extensions.Primitives.StringValues values, string parameter, IGraphQLSerializer serializer)
    {
        if (values is not [{ Length: > 0 } text]) return null;
        try
        {
            using var document = RequestJson.Parse(text);
            return ReadMap(document.RootElement, parameter, serializer);
        }
        catch (JsonException exception) { throw new RequestRejectedException($"`{parameter}` must be URL-encoded JSON, a map or null: {exception.Message}"); }
    }

    private static Inputs? ReadMap(JsonElement value, string parameter, IGraphQLSerializer serializer) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => serializer.ReadNode<Inputs>(value),
        _ => throw new RequestRejectedException($"`{parameter}` must be a JSON object (a map) or null."),
    };

    /// <summary>
    /// How this request executes: as <paramref name="user"/>, with <paramref name="services"/> (the
    /// request's or the operation's DI scope), under the transport's <paramref name="rule"/> (what the
    /// method or channel may run).
    /// </summary>
    public ExecutionOptions ToExecutionOptions(ClaimsPrincipal user, IServiceProvider services, OperationRule rule, CancellationToken cancellationToken) => new()
    {
        Query = Query,
        DocumentId = DocumentId,
        OperationName = OperationName,
        Variables = Variables,
        Extensions = Extensions,
        User = user,
        RequestServices = services,
        CancellationToken = cancellationToken,
        ValidationRules = rule.AllRules,
        CachedDocumentValidationRules = rule.CachedRules,
    };
}
