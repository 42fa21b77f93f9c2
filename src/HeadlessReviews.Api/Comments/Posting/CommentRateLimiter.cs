using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// Posts per client address: a per-minute and a per-hour fixed window, both of which must allow the
/// post (settings <c>PostsPerMinute</c>, <c>PostsPerHour</c>; the windows themselves are
/// <c>PostsPerMinuteWindow</c> and <c>PostsPerHourWindow</c>). Kept per instance: behind a load
/// balancer each instance allows its share.
/// </summary>
public sealed class CommentRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CommentRateLimiter(IOptions<CommentSettings> settings)
    {
        var perMinute = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.Value.PostsPerMinute, Window = settings.Value.PostsPerMinuteWindow, QueueLimit = 0 }));
        var perHour = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.Value.PostsPerHour, Window = settings.Value.PostsPerHourWindow, QueueLimit = 0 }));
        _limiter = PartitionedRateLimiter.CreateChained(perMinute, perHour);
    }

    /// <summary>Null when the client may post now; otherwise how long until it may.</summary>
    public TimeSpan? TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
