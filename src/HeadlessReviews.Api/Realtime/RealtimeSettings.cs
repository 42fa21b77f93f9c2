using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Realtime;

/// <summary>The event bus (<c>HeadlessReviews:Realtime</c>).</summary>
public sealed class RealtimeSettings
{
    public const string Section = "HeadlessReviews:Realtime";

    /// <summary>The PostgreSQL NOTIFY channel every instance listens on.</summary>
    [Required, RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string Channel { get; set; } = "headless_reviews_events";

    /// <summary>Events buffered per subscriber; past it, new events are dropped for that subscriber (and counted).</summary>
    [Range(1, 100_000)]
    public int SubscriberBuffer { get; set; } = 256;

    /// <summary>The longest wait between two attempts to re-establish the listener connection.</summary>
    [Range(1, 300)]
    public int ReconnectMaxDelaySeconds { get; set; } = 10;

    /// <summary>How long the listener waits for a notification before checking its connection is alive.</summary>
    [Range(1, 600)]
    public int KeepAliveSeconds { get; set; } = 30;
}
