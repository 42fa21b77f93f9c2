using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Reviews;
using Marten;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// Where a new comment goes: its review and, for a reply, the comment it answers, on the same review.
/// A reader may only comment on a published review and reply to a visible comment, at most
/// <c>MaxReplyDepth</c> deep; an import keeps the threads it brings, whatever their status.
/// </summary>
public sealed record CommentThread(Review Review, Comment? Parent)
{
    /// <param name="maxReplyDepth">A reader's post: how deep replies may nest. Null for an import: any review, any parent.</param>
    public static async Task<CommentThread?> CheckAsync(IQuerySession session, InputChecks checks, CommentFields fields,
        int? maxReplyDepth, CancellationToken cancellationToken)
    {
        var forReaders = maxReplyDepth is not null;
        var reviewKey = checks.Id("reviewId", fields.ReviewId, "Review");
        var parentKey = checks.Id("parentId", fields.ParentId, "Comment", required: false);
        if (reviewKey is null) return null;

        var review = await session.LoadAsync<Review>(reviewKey.Value, cancellationToken);
        if (review is null || (forReaders && !review.IsPublished))
        {
            checks.Add("reviewId", UserErrorCode.NotFound, forReaders ? "There is no published review with this id." : "There is no review with this id.");
            return null;
        }
        if (parentKey is null) return checks.Failed ? null : new CommentThread(review, null);

        var parent = await session.LoadAsync<Comment>(parentKey.Value, cancellationToken);
        if (parent is null || (forReaders && parent.Status != CommentStatus.Approved))
            checks.Add("parentId", UserErrorCode.NotFound, forReaders ? "There is no visible comment with this id to reply to." : "There is no comment with this id to reply to.");
        else if (parent.ReviewId != review.Id)
            checks.Add("parentId", UserErrorCode.InvalidState, "The comment replied to belongs to another review.");
        else if (maxReplyDepth is { } limit && await DepthAsync(session, parent, limit, cancellationToken) >= limit)
            checks.Add("parentId", UserErrorCode.OutOfRange, $"Replies nest at most {limit} deep; reply higher up the thread.");
        return checks.Failed ? null : new CommentThread(review, parent);
    }

    /// <summary>A new comment in this thread, as posted or imported; the caller adds what screening or the source says of it.</summary>
    public Comment NewComment(Guid id, CommentContent content, CommentStatus status, DateTimeOffset postedAt) => new()
    {
        Id = id,
        ReviewId = Review.Id,
        ParentId = Parent?.Id,
        AuthorName = content.AuthorName,
        AuthorEmail = content.AuthorEmail,
        AuthorUrl = content.AuthorUrl,
        Body = content.Body,
        PostedAt = postedAt,
        Status = status,
    };

    /// <summary>How many replies deep a comment sits (0 for one that starts a thread), counted no further than <paramref name="limit"/>.</summary>
    private static async Task<int> DepthAsync(IQuerySession session, Comment comment, int limit, CancellationToken cancellationToken)
    {
        var depth = 0;
        for (var current = comment; current.ParentId is { } parentId && depth <= limit; depth++)
        {
            var parent = await session.LoadAsync<Comment>(parentId, cancellationToken);
            if (parent is null) break;
            current = parent;
        }
        return depth;
    }
}
