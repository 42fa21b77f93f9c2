using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Paging;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>A page of a review's thread: <see cref="CommentThreadPagesLoader"/>'s key.</summary>
public readonly record struct ThreadPageKey(Guid ReviewId, PageRequest Page);

/// <summary>
/// Pages of reviews' threads: the page's top-level comments readers see, by the keyset index, with every
/// reply readers see below them (primed into <see cref="CommentRepliesLoader"/>). One round trip for all
/// the reviews asking for the same page; the cost is the page's, however many comments a review has.
/// </summary>
public sealed class CommentThreadPagesLoader(IQuerySession session, CommentRepliesLoader replies) : BatchLoader<ThreadPageKey, Connection<Comment>>
{
    protected override async Task<IReadOnlyDictionary<ThreadPageKey, Connection<Comment>>> FetchAsync(IReadOnlyCollection<ThreadPageKey> keys, CancellationToken cancellationToken)
    {
        var pages = new Dictionary<ThreadPageKey, Connection<Comment>>();
        foreach (var group in keys.GroupBy(key => key.Page))
        {
            var page = group.Key;
            var reviewIds = group.Select(key => key.ReviewId).Distinct().ToArray();
            var comments = await ReadAsync(reviewIds, page, cancellationToken).ConfigureAwait(false);
            replies.PrimeBelow(comments);
            var byReview = comments.ToLookup(comment => comment.ReviewId);
            foreach (var key in group)
            {
                var topLevel = CommentPages.Oldest(byReview[key.ReviewId].Where(comment => comment.ParentId is null));
                var inPageOrder = (page.Backward ? topLevel.Reverse() : topLevel).ToList();
                var reviewId = key.ReviewId;
                pages[key] = CommentPages.Of(inPageOrder, page, token => CountTopLevelAsync(reviewId, token));
            }
        }
        return pages;
    }

    /// <summary>How many comments start a thread readers see on the review: the connection's <c>totalCount</c>.</summary>
    public async Task<long> CountTopLevelAsync(Guid reviewId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<long>('^',
            $"select count(*) from {Tables.Comments} c where c.review_id = ^ and {CommentVisibility.TopLevel("c")}",
            cancellationToken, reviewId).ConfigureAwait(false))[0];

    private async Task<IReadOnlyList<Comment>> ReadAsync(Guid[] reviewIds, PageRequest page, CancellationToken cancellationToken)
    {
        var direction = page.Backward ? "desc" : "asc";
        object[] parameters = [reviewIds];
        var fromCursor = "";
        if (page.Cursor is not null)
        {
            var (postedAt, id) = CommentPages.Decode(page.Cursor, page.Backward ? "before" : "after");
            fromCursor = $" and (c.posted_at, c.id) {(page.Backward ? "<" : ">")} (^, ^)";
            parameters = [reviewIds, postedAt, id];
        }
        // One past the page's size tells whether another page follows.
        var topLevel = $"select t.id, t.review_id from unnest(^::uuid[]) r(id) cross join lateral (" +
            $"select c.id, c.review_id from {Tables.Comments} c where c.review_id = r.id and {CommentVisibility.TopLevel("c")}{fromCursor} " +
            $"order by c.posted_at {direction}, c.id {direction} limit {page.Size + 1}) t";
        return await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d join {CommentVisibility.WithReplies(topLevel)} s on s.id = d.id",
            cancellationToken, parameters).ConfigureAwait(false);
    }
}
