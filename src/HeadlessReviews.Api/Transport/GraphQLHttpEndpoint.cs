using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Transport.ServerSentEvents;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): GET for queries, POST with a JSON body for any
/// operation, answers as <c>application/graphql-response+json</c> or <c>application/json</c> as the
/// client accepts, with that type's status codes. A request that accepts <c>text/event-stream</c> is
/// served by <see cref="GraphQLSseEndpoint{TSchema}"/> once parsed (when that transport is registered).
/// Knows nothing of the schema it serves.
/// </summary>
public sealed class GraphQLHttpEndpoint<TSchema>(
    IDocumentExecuter<TSchema> executer,
    IGraphQLSerializer serializer,
    CacheableGetResponse cacheable,
    ResponseCache responseCache,
    IOptions<GraphQLHttpSettings> settings,
    IOptions<GraphQLErrorStatuses> errorStatuses,
    ICacheTagSource? cacheTags = null) where TSchema : ISchema
{

    public async Task HandleAsync(HttpContext context)
    {
        var eventStream = EventStreamMediaType.IsRequested(context.Request)
            ? context.RequestServices.GetService<GraphQLSseEndpoint<TSchema>>()
            : null;
        // Refusals before an event stream starts are plain JSON with their real 4xx status.
        var mediaType = eventStream is not null ? ResponseMediaType.GraphQLResponse : ResponseMediaType.Negotiate(context.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, ResponseMediaType.Json, new RequestRejectedException(
                $"This endpoint answers {ResponseMediaType.GraphQLResponse} or {ResponseMediaType.Json}; the Accept header allows neither.",
                StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE"));
            return;
        }

        var isGet = HttpMethods.IsGet(context.Request.Method);
        GraphQLRequest request;
        try
        {
            request = isGet ? ReadQueryString(context.Request) : await ReadBodyAsync(context.Request);
        }
        catch (RequestRejectedException error)
        {
            await WriteErrorAsync(context, mediaType, error);
            return;
        }
        if (eventStream is not null)
        {
            await eventStream.HandleAsync(context, request, isGet);
            return;
        }

        // Anonymous requests may be answered from the response cache, before anything is parsed.
        string? cacheKey = null;
        var generation = 0L;
        if (responseCache.IsServing && CacheableGetResponse.IsAnonymous(context.Request))
        {
            cacheKey = ResponseCacheKey.Of(isGet ? HttpMethods.Get : HttpMethods.Post, mediaType, request);
            if (responseCache.TryGet(cacheKey, out var hit))
            {
                await WriteCachedAsync(context, isGet, hit);
                return;
            }
            // Taken before anything is read: a purge from now on means this answer may be old already.
            generation = responseCache.Generation;
        }

        var result = await executer.ExecuteAsync(request.ToExecutionOptions(context.User, context.RequestServices, isGet ? OperationRule.ForGet : OperationRule.ForPost, context.RequestAborted));
        if (cacheKey is not null && IsStorable(result))
        {
            await WriteCachedAsync(context, isGet, await StoreAsync(cacheKey, mediaType, isGet, result, generation, context.RequestAborted));
            return;
        }

        if (result.Errors?.Any(error => error is MethodNotAllowedError) == true)
        {
            context.Response.Headers.Allow = "POST";
            await WriteAsync(context, mediaType, StatusCodes.Status405MethodNotAllowed, result);
            return;
        }
        var status = StatusFor(context, mediaType, result);
        if (isGet && CacheableGetResponse.IsCacheable(context.Request, result))
        {
            await cacheable.WriteAsync(context, mediaType, result);
            return;
        }
        if (isGet) context.Response.Headers.CacheControl = CacheableGetResponse.NotCacheable(context.Request);
        await WriteAsync(context, mediaType, status, result);
    }

    /// <summary>Only a query that ran without a single error is kept: never a mutation, a subscription or errors.</summary>
    private static bool IsStorable(ExecutionResult result) =>
        result.Executed && (result.Errors is null || result.Errors.Count == 0)
        && result.Operation?.Operation == GraphQLParser.AST.OperationType.Query;

    private async Task<CachedResponse> StoreAsync(string key, string mediaType, bool isGet, ExecutionResult result, long generation, CancellationToken cancellationToken)
    {
        var body = await cacheable.SerializeAsync(result, cancellationToken);
        var response = new CachedResponse(mediaType, body,
            isGet ? CacheableGetResponse.ETagOf(mediaType, body) : null,
            isGet ? cacheable.HeaderTagsOf(result) : [],
            cacheTags?.PurgeTagsOf(result) ?? []);
        responseCache.TryStore(key, response, generation);
        return response;
    }

    /// <summary>A miss that was stored and every later hit are written here, the same way.</summary>
    private Task WriteCachedAsync(HttpContext context, bool isGet, CachedResponse response)
    {
        if (isGet) return cacheable.WriteAsync(context, response.MediaType, response.Body, response.ETag!, response.HeaderTags);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = $"{response.MediaType}; charset=utf-8";
        context.Response.Headers.Vary = HeaderNames.Accept;
        context.Response.ContentLength = response.Body.Length;
        return context.Response.Body.WriteAsync(response.Body, context.RequestAborted).AsTask();
    }

    /// <summary>
    /// application/graphql-response+json: a request that never executed (syntax, validation, variables)
    /// is the client's fault, 400, unless the application names a status for one of its error codes;
    /// application/json keeps 200 for legacy clients, except for codes the application marks for both.
    /// An executed request is 200, field errors or not, as the spec has it.
    /// </summary>
    private int StatusFor(HttpContext context, string mediaType, ExecutionResult result)
    {
        if (result.Executed) return StatusCodes.Status200OK;
        var isGraphQLResponse = mediaType == ResponseMediaType.GraphQLResponse;
        if (errorStatuses.Value.Find(result, isGraphQLResponse) is not { } rule)
            return isGraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (rule.RetryAfterSeconds is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return rule.StatusCode;
    }

    private GraphQLRequest ReadQueryString(HttpRequest request)
    {
        if (request.QueryString.Value?.Length > settings.Value.MaxQueryStringLength)
            throw new RequestRejectedException($"The query string is longer than {settings.Value.MaxQueryStringLength} characters; send long documents with POST.",
                StatusCodes.Status414UriTooLong, "URI_TOO_LONG");
        if (request.QueryString.Value is { } raw && !IsUtf8OncePercentDecoded(raw))
            throw new RequestRejectedException("The query string is not valid UTF-8 once percent-decoded.", isHttpLevel: true);
        return GraphQLRequest.FromQueryString(request.Query, serializer);
    }

    // ASP.NET quietly turns invalid percent-encoded UTF-8 into U+FFFD; it is refused as a POST body is.
    private static bool IsUtf8OncePercentDecoded(string queryString)
    {
        var encoded = Encoding.UTF8.GetBytes(queryString);
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(encoded, 0, encoded.Length));
    }

    private async Task<GraphQLRequest> ReadBodyAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase)
            // A parameter value may be a quoted string (RFC 9110): charset="utf-8" is charset=utf-8.
            || (contentType.Charset.HasValue && !HeaderUtilities.RemoveQuotes(contentType.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new RequestRejectedException("Send the request as Content-Type: application/json (UTF-8).",
                StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        }

        var limit = settings.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit) throw TooLarge(limit);
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) throw TooLarge(limit);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return GraphQLRequest.FromJsonBody(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), serializer);
    }

    private static RequestRejectedException TooLarge(int limit) =>
        new($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE");

    private Task WriteErrorAsync(HttpContext context, string mediaType, RequestRejectedException error)
    {
        // A malformed GraphQL request is a 400 for graphql-response+json and a 200 for legacy
        // application/json; HTTP-level refusals (a body that is not JSON, 406, 413, 414, 415)
        // keep their own status either way.
        var status = error.IsHttpLevel || mediaType == ResponseMediaType.GraphQLResponse
            ? error.StatusCode
            : StatusCodes.Status200OK;
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(error.Message) { Code = error.Code });
        return WriteAsync(context, mediaType, status, result);
    }

    private async Task WriteAsync(HttpContext context, string mediaType, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        // The answer depends on Accept (media type, and a browser gets the IDE at this same URL).
        context.Response.Headers.Vary = HeaderNames.Accept;
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
