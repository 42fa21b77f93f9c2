using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Transport;

/// <summary>Limits of GraphQL over HTTP, bound from <c>HeadlessReviews:Http</c>.</summary>
public sealed class GraphQLHttpSettings
{
    public const string Section = "HeadlessReviews:Http";

    /// <summary>Largest POST body accepted, in bytes; a larger one is answered 413.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Proxies (IP addresses or CIDR ranges, comma-separated) whose <c>X-Forwarded-For</c> names the
    /// client. Unset: the header is ignored and the connection's own address is the client's.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>Longest GET query string accepted, in characters; a longer one is answered 414.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxQueryStringLength { get; set; } = 16 * 1024;

    /// <summary>Largest total of request headers accepted, in bytes (names and values); more is answered 431.</summary>
    [Range(4 * 1024, 1024 * 1024)]
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// How long browsers may reuse an anonymous GET answer without asking again. Zero (the default):
    /// they keep it but revalidate each time, answered 304 when nothing changed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan GetMaxAge { get; set; } = TimeSpan.Zero;

    /// <summary>How long shared caches (a CDN) may reuse it (<c>s-maxage</c>); unset: as <see cref="GetMaxAge"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan? GetSharedMaxAge { get; set; }

    /// <summary>
    /// Longest list of cache tags sent with a cacheable GET (<c>Cache-Tag</c>, <c>Surrogate-Key</c>), in
    /// bytes; past it only the kinds (<c>review</c>, <c>film</c>…) are sent. CDNs cap the header (16 KB).
    /// </summary>
    [Range(64, 16 * 1024)]
    public int MaxCacheTagBytes { get; set; } = 8 * 1024;
}
