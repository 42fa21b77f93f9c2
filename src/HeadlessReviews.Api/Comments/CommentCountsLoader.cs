using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>How many approved comments each review has: one grouped count per batch of reviews.</summary>
public sealed class CommentCountsLoader(IQuerySession session) : BatchLoader<Guid, int>
{
    protected override async Task<IReadOnlyDictionary<Guid, int>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var counts = await session.AdvancedSql.QueryAsync<Guid, long>('^',
            $"select row(d.review_id), row(count(*)) from {Tables.Comments} d " +
            $"where d.review_id = any(^) and d.status = '{nameof(CommentStatus.Approved)}' group by d.review_id",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return counts.ToDictionary(row => row.Item1, row => (int)row.Item2);
    }
}
