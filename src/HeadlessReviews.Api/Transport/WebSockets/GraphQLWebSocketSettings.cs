using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>Limits of GraphQL over WebSocket (<c>graphql-transport-ws</c>), bound from <c>HeadlessReviews:WebSockets</c>.</summary>
public sealed class GraphQLWebSocketSettings
{
    public const string Section = "HeadlessReviews:WebSockets";

    /// <summary>How long a new socket may wait before sending <c>connection_init</c>; then it is closed with 4408.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server sends a protocol <c>ping</c> after the acknowledgement; zero sends none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Operations (subscriptions, queries, mutations) in flight at once on one socket; one more is answered with an <c>error</c> message.</summary>
    [Range(1, 10_000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>Largest message a client may send, in bytes; a larger one closes the socket with 1009 (Message Too Big).</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Open sockets per client address; one more is refused with HTTP 429 before the upgrade.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerClient { get; set; } = 200;

    /// <summary>
    /// Messages queued for one socket and not yet sent. A client that reads slower than events arrive
    /// fills it, and is then closed with 1013 (Try Again Later) instead of growing memory without bound.
    /// </summary>
    [Range(1, 100_000)]
    public int OutboundBufferMessages { get; set; } = 256;

    /// <summary>How long to wait for the client's close frame (or a stuck send) before aborting the socket.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
