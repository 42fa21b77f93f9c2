using HeadlessReviews.Api.Comments;
using Marten;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// Writes the outbox rows of a session's inserted or updated comments into that session, just before
/// it commits. Only comments: films, people and reviews are announced by their editing operations
/// (through <see cref="Editing.ChangeAnnouncer"/>, which a caller can quiet), so no document is
/// announced by both. Comments go here until their posting and moderation announce explicitly too.
/// </summary>
public sealed class WebhookOutboxListener(WebhookOutbox outbox) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        // Materialised first: queuing the outbox rows adds to the operations being read.
        var comments = session.PendingChanges.Inserts().Concat(session.PendingChanges.Updates()).Distinct(ReferenceEqualityComparer.Instance).OfType<Comment>().ToList();
        foreach (var comment in comments) outbox.QueueChange(session, comment, deleted: false);
        return Task.CompletedTask;
    }
}
