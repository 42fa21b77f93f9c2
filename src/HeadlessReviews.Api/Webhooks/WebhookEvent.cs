using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// What a delivery says: <c>review.changed</c> (created, edited, published, unpublished), <c>review.deleted</c>,
/// and the same for <c>film</c>, <c>person</c> and <c>comment</c> (posted or moderated), with the node as
/// the API names it and the cache tags to purge (those of <c>Cache-Tag</c> on GET answers).
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, object?> Node, IReadOnlyList<string> CacheTags)
{
    /// <summary>The event of a changed or deleted document, or null for documents nobody is told about.</summary>
    public static WebhookEvent? Of(object document, bool deleted, DateTimeOffset now)
    {
        Dictionary<string, object?>? node = document switch
        {
            Review review => new() { ["__typename"] = "Review", ["id"] = GlobalId.Encode("Review", review.Id), ["slug"] = review.Slug, ["status"] = review.Status.ToString().ToUpperInvariant() },
            Film film => new() { ["__typename"] = "Film", ["id"] = GlobalId.Encode("Film", film.Id), ["slug"] = film.Slug },
            Person person => new() { ["__typename"] = "Person", ["id"] = GlobalId.Encode("Person", person.Id), ["slug"] = person.Slug },
            Comment comment => new() { ["__typename"] = "Comment", ["id"] = GlobalId.Encode("Comment", comment.Id), ["status"] = comment.Status.ToString().ToUpperInvariant(), ["reviewId"] = GlobalId.Encode("Review", comment.ReviewId) },
            _ => null,
        };
        if (node is null || document is not Execution.ICacheTagged tagged) return null;
        // The tags of GET answers (CacheTags); a comment changes its review's thread and count too.
        List<string> tags = [tagged.CacheTagKind, Execution.CacheTags.Of(tagged)];
        if (document is Comment { ReviewId: var reviewId }) tags.Add($"review-{reviewId:N}");
        return new WebhookEvent(Guid.NewGuid(), $"{tagged.CacheTagKind}.{(deleted ? "deleted" : "changed")}", now, node, tags);
    }
}
