using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// The in-memory response cache of anonymous queries (<c>HeadlessReviews:ResponseCache</c>): on by
/// default, bounded in entries and bytes, each entry kept at most <see cref="TimeToLive"/>.
/// </summary>
public sealed class ResponseCacheSettings
{
    public const string Section = "HeadlessReviews:ResponseCache";

    /// <summary>Off: every request executes, as without the cache.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most answers kept; past it the oldest stored goes first.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Most bytes kept (bodies, keys and tags, approximately); past it the oldest stored goes first.</summary>
    [Range(1_024, 16L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A larger answer is never stored: it would push out many small ones.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// A safety net, not the invalidation: every change purges what it touches as soon as it is
    /// announced; this bounds the life of an answer that a missed or unannounced change left behind.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);
}
