using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Realtime;

/// <summary>
/// Publishes with <c>NOTIFY</c> in the caller's session, and hands what <see cref="PostgresListener"/>
/// receives to this process's subscribers of each topic.
/// </summary>
public sealed class PostgresEventBus(IOptions<RealtimeSettings> settings, TimeProvider clock) : IEventBus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, Subscribers<BusEvent>> _topics = new(StringComparer.Ordinal);

    private long _lastReceivedTicks;

    /// <summary>When this instance last received an event of any topic (read replicas keep off the standbys just after a change).</summary>
    public DateTimeOffset? LastReceivedAt => Interlocked.Read(ref _lastReceivedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Publish<T>(IDocumentSession session, string topic, T message)
    {
        var payload = JsonSerializer.Serialize(new { topic, message, sentAt = clock.GetUtcNow().ToUnixTimeMilliseconds() }, Json);
        if (Encoding.UTF8.GetByteCount(payload) > BusEvent.MaxPayloadBytes)
            throw new ArgumentException($"The `{topic}` event is too large for NOTIFY: send ids, not documents.", nameof(message));
        // NOTIFY, not `select pg_notify(?, ?)`: a statement that returns a row in Marten's batch would be
        // read as the result of the next operation. NOTIFY takes no parameters, so the payload is a
        // literal: JSON written by us (System.Text.Json escapes quotes), its quotes doubled all the same.
        session.QueueSqlCommand($"notify {settings.Value.Channel}, '{payload.Replace("'", "''", StringComparison.Ordinal)}'");
    }

    public EventSubscription<BusEvent> Subscribe(string topic, int? capacity = null) =>
        _topics.GetOrAdd(topic, _ => new Subscribers<BusEvent>(topic, areSubscriptions: false)).Add(capacity ?? settings.Value.SubscriberBuffer);

    /// <summary>One payload as NOTIFY delivered it; false when it is not one of ours.</summary>
    internal bool Deliver(string payload)
    {
        BusEvent? received;
        try
        {
            received = JsonSerializer.Deserialize<BusEvent>(payload, Json);
        }
        catch (JsonException)
        {
            return false;
        }
        if (received is null || string.IsNullOrEmpty(received.Topic)) return false;
        var now = clock.GetUtcNow();
        Interlocked.Exchange(ref _lastReceivedTicks, now.UtcTicks);
        if (received.SentAt is { } sentAt)
            RealtimeMetrics.NotifyLag.Record(Math.Max(0, now.ToUnixTimeMilliseconds() - sentAt) / 1000.0, new KeyValuePair<string, object?>("topic", received.Topic));
        if (_topics.TryGetValue(received.Topic, out var subscribers)) subscribers.Publish(received);
        return true;
    }
}
