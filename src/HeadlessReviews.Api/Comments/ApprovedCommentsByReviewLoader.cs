using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// Every comment readers see of each review (<see cref="CommentVisibility"/>), oldest first: one round
/// trip per batch of reviews, and the whole thread in hand so replies at any depth cost nothing more.
/// </summary>
public sealed class ApprovedCommentsByReviewLoader(IQuerySession session) : BatchLoader<Guid, IReadOnlyList<Comment>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Comment>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var comments = await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d join {CommentVisibility.Shown("^")} s on s.id = d.id order by d.posted_at, d.id",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return comments.GroupBy(comment => comment.ReviewId).ToDictionary(group => group.Key, group => (IReadOnlyList<Comment>)[.. group]);
    }

    protected override IReadOnlyList<Comment> Missing(Guid key) => [];
}
