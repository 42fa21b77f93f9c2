using GraphQL;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// The answer to a client already holding as many long-lived connections (sockets, event streams) as
/// its address may: 429 before any upgrade or stream, as a GraphQL error with a code clients branch on.
/// </summary>
public static class TooManyConnections
{
    public const string Code = "TOO_MANY_CONNECTIONS";

    public static Task WriteAsync(HttpContext context, IGraphQLTextSerializer serializer, string message)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = Code });
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = $"{ResponseMediaType.Json}; charset=utf-8";
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
