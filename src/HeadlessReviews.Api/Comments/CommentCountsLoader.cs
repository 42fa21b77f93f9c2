using HeadlessReviews.Api.Execution;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// How many comments each review shows, by <see cref="CommentVisibility"/>: exactly what a reader can
/// read (a reply under a held or trashed comment is not shown, and not counted). One recursive count
/// per batch of reviews.
/// </summary>
public sealed class CommentCountsLoader(IQuerySession session) : BatchLoader<Guid, int>
{
    protected override async Task<IReadOnlyDictionary<Guid, int>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var counts = await session.AdvancedSql.QueryAsync<Guid, long>('^',
            $"select row(s.review_id), row(count(*)) from {CommentVisibility.Shown("^")} s group by s.review_id",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return counts.ToDictionary(row => row.Item1, row => (int)row.Item2);
    }
}
