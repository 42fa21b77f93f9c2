using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Transport.ServerSentEvents;

/// <summary>Limits of GraphQL over Server-Sent Events (<c>graphql-sse</c>, distinct connections mode), bound from <c>HeadlessReviews:ServerSentEvents</c>.</summary>
public sealed class GraphQLSseSettings
{
    public const string Section = "HeadlessReviews:ServerSentEvents";

    /// <summary>How often an open stream gets a keep-alive comment (<c>:</c>), so proxies do not time it out; zero sends none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Events queued for one stream and not yet written. A client that reads slower than events arrive
    /// fills it, and its stream is then ended instead of growing memory without bound.
    /// </summary>
    [Range(1, 100_000)]
    public int OutboundBufferMessages { get; set; } = 256;

    /// <summary>Open event streams per client address (counted as WebSockets are); one more is refused with HTTP 429 before the stream starts.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerClient { get; set; } = 200;
}
