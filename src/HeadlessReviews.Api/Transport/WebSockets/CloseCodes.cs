namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>The close codes this server uses: <c>graphql-transport-ws</c>'s own (44xx, 4500) and RFC 6455's.</summary>
public static class CloseCodes
{
    public const int GoingAway = 1001;
    public const int MessageTooBig = 1009;
    /// <summary>The outbound buffer is full (slow consumer); the <c>graphql-ws</c> client retries this code.</summary>
    public const int TryAgainLater = 1013;
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int InternalServerError = 4500;
}
