using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>How readers post, bound from <c>HeadlessReviews:Comments</c>.</summary>
public sealed class CommentSettings
{
    public const string Section = "HeadlessReviews:Comments";

    /// <summary>How deep replies may nest: 1 allows replies to top-level comments only.</summary>
    [Range(0, 50)]
    public int MaxReplyDepth { get; set; } = 5;

    /// <summary>How long a retried post with the same idempotency key returns the first result.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a review page's <c>commentToken</c> stays valid.</summary>
    public TimeSpan CommentTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Secret that signs comment tokens. Set the same value on
    /// every instance; unset, each process draws its own (tokens then only work on the instance that issued them).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Posts allowed per client address per minute and per hour (editors and moderators are not limited).</summary>
    [Range(1, 10_000)]
    public int PostsPerMinute { get; set; } = 5;

    [Range(1, 100_000)]
    public int PostsPerHour { get; set; } = 30;

    /// <summary>The fixed window <see cref="PostsPerMinute"/> counts in: a minute (shorter in tests).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PostsPerMinuteWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The fixed window <see cref="PostsPerHour"/> counts in: an hour (shorter in tests).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan PostsPerHourWindow { get; set; } = TimeSpan.FromHours(1);
}
