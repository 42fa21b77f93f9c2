using HeadlessReviews.Api.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// Posts per client: a short (<c>PostsPerMinute</c> in <c>PostsPerMinuteWindow</c>) and a long
/// (<c>PostsPerHour</c> in <c>PostsPerHourWindow</c>) fixed window, both of which must allow the post,
/// in the <see cref="SharedRateWindows"/> every instance shares.
/// </summary>
public sealed class CommentRateLimiter(SharedRateWindows windows, IOptions<CommentSettings> settings)
{
    /// <summary>Null when the client may post now (the post is counted); otherwise how long until it may.</summary>
    public Task<TimeSpan?> TryAcquireAsync(string client, CancellationToken cancellationToken) =>
        windows.TryAcquireAsync("comment-posts", client,
        [
            new RateLimit("short", settings.Value.PostsPerMinute, settings.Value.PostsPerMinuteWindow),
            new RateLimit("long", settings.Value.PostsPerHour, settings.Value.PostsPerHourWindow),
        ], cancellationToken);
}
