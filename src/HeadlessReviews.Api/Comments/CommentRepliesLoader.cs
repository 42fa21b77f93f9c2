using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// The replies readers see of each comment, oldest first: none under a comment readers do not see
/// (<see cref="CommentVisibility"/>). A page of a thread primes it with every reply below the page
/// (<see cref="PrimeBelow"/>), so replies at any depth cost no round trip; a comment reached otherwise
/// (<c>node</c>, a subscription) fetches its replies, one round trip per level of a batch.
/// </summary>
public sealed class CommentRepliesLoader(IQuerySession session) : BatchLoader<Guid, IReadOnlyList<Comment>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Comment>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var replies = await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d join {CommentVisibility.ShownAmong("^")} p on p.id = d.parent_id and p.review_id = d.review_id " +
            $"where d.status = '{CommentStorage.Approved}' order by d.posted_at, d.id",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return replies.GroupBy(reply => reply.ParentId!.Value).ToDictionary(group => group.Key, group => (IReadOnlyList<Comment>)[.. group]);
    }

    protected override IReadOnlyList<Comment> Missing(Guid key) => [];

    /// <summary>
    /// Caches the replies of every comment in <paramref name="subtrees"/>: whole subtrees of comments readers
    /// see (<see cref="CommentVisibility.WithReplies"/>), so a comment without replies among them has none.
    /// </summary>
    public void PrimeBelow(IReadOnlyCollection<Comment> subtrees)
    {
        var children = subtrees.Where(comment => comment.ParentId is not null).ToLookup(comment => comment.ParentId!.Value);
        foreach (var comment in subtrees) Prime(comment.Id, [.. CommentPages.Oldest(children[comment.Id])]);
    }
}
