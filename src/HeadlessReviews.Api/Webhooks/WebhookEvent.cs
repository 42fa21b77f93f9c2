using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Execution;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// What a delivery says: <c>review.changed</c> (created, edited, published, unpublished), <c>review.deleted</c>,
/// and the same for <c>film</c>, <c>person</c> and <c>comment</c> (posted or moderated), with the node as
/// the API names it and the cache tags to purge (those of <c>Cache-Tag</c> on GET answers).
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, object?> Node, IReadOnlyList<string> CacheTags)
{
    /// <summary>The event of a changed or deleted document, or null for documents nobody is told about.</summary>
    public static WebhookEvent? Of(object document, bool deleted, DateTimeOffset now, IEnumerable<IAnnouncedNode> features)
    {
        var described = features.Select(feature => feature.Describe(document)).FirstOrDefault(node => node is not null);
        if (described is null || document is not ICacheTagged tagged) return null;
        // The tags of GET answers (CacheTags), and those of what changes with the document.
        List<string> tags = [tagged.CacheTagKind, Execution.CacheTags.Of(tagged), .. described.AlsoChanges];
        return new WebhookEvent(Guid.NewGuid(), $"{tagged.CacheTagKind}.{(deleted ? "deleted" : "changed")}", now, described.Node, tags);
    }
}
