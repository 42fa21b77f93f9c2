using System.Text.Json;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// Queues deliveries in the session of the change they announce: one outbox row per receiver that
/// wants the event, written when, and only if, that session commits.
/// </summary>
public sealed class WebhookOutbox(IOptions<WebhookSettings> settings, TimeProvider clock, IEnumerable<IAnnouncedNode> features) : IChangeOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The event of a changed or deleted document; nothing for documents nobody is told about, or when no receiver is configured.</summary>
    public void QueueChange(IDocumentSession session, object document, bool deleted)
    {
        if (settings.Value.Endpoints.Count == 0) return;
        if (WebhookEvent.Of(document, deleted, clock.GetStoredNow(), features) is { } change) Queue(session, change);
    }

    /// <summary>Any event, such as the one summary an import sends at its end instead of one event per item.</summary>
    public void Queue(IDocumentSession session, WebhookEvent change)
    {
        var endpoints = settings.Value.Endpoints.Where(endpoint => endpoint.Wants(change.Type)).ToList();
        if (endpoints.Count == 0) return;
        var payload = JsonSerializer.Serialize(change, Json);
        foreach (var endpoint in endpoints)
            session.QueueSqlCommand($"insert into {WebhookOutboxStorage.Name} (endpoint, event_id, event_type, payload) values (?, ?, ?, ?::jsonb)",
                endpoint.Name, change.Id, change.Type, payload);
    }
}
