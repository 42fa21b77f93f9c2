namespace HeadlessReviews.Api.Transport;

/// <summary>A request that cannot be executed at all (not JSON, no query, parameters of the wrong type).</summary>
public sealed class RequestRejectedException(string message, int statusCode = StatusCodes.Status400BadRequest, string code = "BAD_REQUEST") : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
}
