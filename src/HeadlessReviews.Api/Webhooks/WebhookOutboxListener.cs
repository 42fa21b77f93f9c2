using System.Text.Json;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// Writes the outbox rows of a session's changes into that session, just before it commits: every
/// inserted or updated review, film, person and comment, and every checked delete
/// (<see cref="VersionedEditing.IsBeingDeleted"/>), once per receiver that wants the event. Rows
/// deleted in bulk with their parent (a review's comments, a cascading film) are announced by the
/// parent's event only.
/// </summary>
public sealed class WebhookOutboxListener(IOptions<WebhookSettings> settings, TimeProvider clock) : DocumentSessionListenerBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var endpoints = settings.Value.Endpoints;
        if (endpoints.Count == 0) return Task.CompletedTask;

        var now = clock.GetStoredNow();
        // Materialised first: queuing the outbox rows adds to the operations being read.
        var changed = session.PendingChanges.Inserts().Concat(session.PendingChanges.Updates()).Distinct(ReferenceEqualityComparer.Instance).ToList();
        foreach (var document in changed)
        {
            if (WebhookEvent.Of(document!, VersionedEditing.IsBeingDeleted(document!), now) is not { } change) continue;
            var payload = JsonSerializer.Serialize(change, Json);
            foreach (var endpoint in endpoints.Where(endpoint => endpoint.Wants(change.Type)))
                session.QueueSqlCommand($"insert into {WebhookOutboxStorage.Name} (endpoint, event_id, event_type, payload) values (?, ?, ?, ?::jsonb)",
                    endpoint.Name, change.Id, change.Type, payload);
        }
        return Task.CompletedTask;
    }
}
