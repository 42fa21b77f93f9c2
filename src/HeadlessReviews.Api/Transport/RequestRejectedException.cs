namespace HeadlessReviews.Api.Transport;

/// <summary>
/// A request that cannot be executed at all. <see cref="IsHttpLevel"/> refusals (not JSON, too large,
/// wrong media type) keep their status whatever the response type; a malformed GraphQL request
/// (no query, parameters of the wrong type) is a 400 only for <c>application/graphql-response+json</c>.
/// </summary>
public sealed class RequestRejectedException(string message, int statusCode = StatusCodes.Status400BadRequest, string code = "BAD_REQUEST", bool isHttpLevel = false)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
    public bool IsHttpLevel { get; } = isHttpLevel || statusCode != StatusCodes.Status400BadRequest;
}
