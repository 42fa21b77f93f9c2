using HeadlessReviews.Api.Realtime;
using Marten;

namespace HeadlessReviews.Api.Editing;

/// <summary>
/// What the editing operations tell others of a change: webhook receivers (the outbox) and this
/// service's subscribers (NOTIFY), both queued in the change's session, so nothing is announced for a
/// change that rolls back. One per scope; a caller that announces in its own way (an import that
/// sends one summary at its end) sets <see cref="Quiet"/> before it edits. Every instance's response
/// cache hears of every change (<see cref="CachePurge"/>), quiet or not: a stale answer is no announcement.
/// </summary>
public sealed class ChangeAnnouncer(IChangeOutbox outbox, IEventBus bus, IEnumerable<IAnnouncedNode> features)
{
    private HashSet<string>? _deferredTags;
    private bool _deferredAll;

    /// <summary>When set, this scope's edits announce nothing: no webhook, no subscription event.</summary>
    public bool Quiet { get; set; }

    /// <summary>
    /// Collects this scope's cache purges into one, sent by <see cref="FlushPurges"/> (in the same transaction): an
    /// import writes a post's film, people, review and comments as one change, and caches hear of it once.
    /// </summary>
    public void DeferPurges() => _deferredTags ??= new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Queues the purge of what was deferred since the last flush, if anything. Past <see cref="MaxDeferredTagBytes"/>
    /// (a review with hundreds of comments) only the kinds are sent: a kind's purge reaches every answer holding one
    /// of its documents, so it is coarser, never a missed one, and the event stays within NOTIFY's limit.
    /// </summary>
    public void FlushPurges(IDocumentSession session)
    {
        if (_deferredTags is null || (_deferredTags.Count == 0 && !_deferredAll)) return;
        List<string> tags = [.. _deferredTags.Order(StringComparer.Ordinal)];
        if (tags.Sum(tag => tag.Length + 3) > MaxDeferredTagBytes) tags = [.. tags.Select(KindOf).Distinct(StringComparer.Ordinal)];
        bus.Publish(session, CachePurge.Topic, new CachePurge(tags, _deferredAll));
        _deferredTags.Clear();
        _deferredAll = false;
    }

    // "comment-<id>" → "comment"; a kind's own tag is itself.
    private static string KindOf(string tag) => tag.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? tag[..dash] : tag;

    /// <summary>What the tags of one deferred purge may take of the event (quoted and comma-separated), leaving room for the rest.</summary>
    public const int MaxDeferredTagBytes = 6_000;

    public void Changed(IDocumentSession session, object document)
    {
        Purge(session, document, deleted: false);
        if (!Quiet) outbox.QueueChange(session, document, deleted: false);
    }

    /// <summary>A checked delete: Marten sees an update, receivers must hear "deleted".</summary>
    public void Deleted(IDocumentSession session, object document)
    {
        Purge(session, document, deleted: true);
        if (!Quiet) outbox.QueueChange(session, document, deleted: true);
    }

    private void Purge(IDocumentSession session, object document, bool deleted)
    {
        if (CachePurge.Of(document, deleted, features) is not { } purge) return;
        if (_deferredTags is null) bus.Publish(session, CachePurge.Topic, purge);
        else
        {
            _deferredAll |= purge.All;
            _deferredTags.UnionWith(purge.Tags);
        }
    }

    /// <summary>A bus event for subscribers (<c>reviewPublished</c>), sent when the session commits.</summary>
    public void Notify<T>(IDocumentSession session, string topic, T message)
    {
        if (!Quiet) bus.Publish(session, topic, message);
    }
}
