using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>Where content changes are announced, bound from <c>HeadlessReviews:Webhooks</c>.</summary>
public sealed class WebhookSettings
{
    public const string Section = "HeadlessReviews:Webhooks";

    /// <summary>The receivers (<c>HeadlessReviews__Webhooks__Endpoints__0__Url</c>, …). None: nothing is queued or sent.</summary>
    public List<WebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>Tries per delivery before it is given up (and logged as an error).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; it doubles with each further one (with jitter), up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receiver may take to answer one delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each instance looks for deliveries that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long delivered and given-up deliveries stay in the outbox, for inspection.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>One receiver of webhook deliveries.</summary>
public sealed class WebhookEndpoint
{
    /// <summary>A name for logs and the outbox (<c>cdn-purge</c>).</summary>
    [Required]
    public string Name { get; set; } = "";

    [Required, Url]
    public string Url { get; set; } = "";

    /// <summary>Key of the HMAC-SHA256 signature of every delivery; at least 16 characters.</summary>
    [Required, MinLength(16)]
    public string Secret { get; set; } = "";

    /// <summary>Event types to send (<c>review.changed</c>, <c>film.deleted</c>…); empty: all of them.</summary>
    public List<string> Events { get; set; } = [];

    public bool Wants(string eventType) => Events.Count == 0 || Events.Contains(eventType, StringComparer.Ordinal);
}
