using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// How many comments each review shows: approved comments whose every ancestor is approved too, so
/// the count is what a reader can see (a reply under a held or trashed comment is not shown, and not
/// counted). One recursive count per batch of reviews.
/// </summary>
public sealed class CommentCountsLoader(IQuerySession session) : BatchLoader<Guid, int>
{
    private const string Approved = nameof(CommentStatus.Approved);

    protected override async Task<IReadOnlyDictionary<Guid, int>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var counts = await session.AdvancedSql.QueryAsync<Guid, long>('^',
            $"with recursive shown as (" +
            $"select d.id, d.review_id from {Tables.Comments} d where d.review_id = any(^) and d.status = '{Approved}' and d.data ->> 'ParentId' is null " +
            $"union all select c.id, c.review_id from {Tables.Comments} c join shown s on c.review_id = s.review_id and (c.data ->> 'ParentId')::uuid = s.id where c.status = '{Approved}') " +
            "select row(review_id), row(count(*)) from shown group by review_id",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return counts.ToDictionary(row => row.Item1, row => (int)row.Item2);
    }
}
