using System.Text.Json;

namespace HeadlessReviews.Api.Realtime;

/// <summary>One notification as it travels through PostgreSQL: a topic and a small message of ids.</summary>
public sealed record BusEvent(string Topic, JsonElement Message)
{
    /// <summary>NOTIFY refuses payloads of 8,000 bytes or more; ours carry ids and stay far below.</summary>
    public const int MaxPayloadBytes = 7_900;
}
