using System.Text.Json;

namespace HeadlessReviews.Api.Realtime;

/// <summary>One notification as it travels through PostgreSQL: a topic, a small message of ids, and when it was queued (Unix ms, for the lag metric).</summary>
public sealed record BusEvent(string Topic, JsonElement Message, long? SentAt = null)
{
    /// <summary>NOTIFY refuses payloads of 8,000 bytes or more; ours carry ids and stay far below.</summary>
    public const int MaxPayloadBytes = 7_900;
}
