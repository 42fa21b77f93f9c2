using HeadlessReviews.Api.Execution;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// How many comments each review shows, by <see cref="CommentVisibility"/>: exactly what a reader can
/// read (a reply under a held or trashed comment is not shown, and not counted). Read from the stored
/// counts of <see cref="CommentCountStorage"/>, one primary-key lookup per batch of reviews; a review
/// without a row has no visible comment.
/// </summary>
public sealed class CommentCountsLoader(IQuerySession session) : BatchLoader<Guid, int>
{
    protected override async Task<IReadOnlyDictionary<Guid, int>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var counts = await session.AdvancedSql.QueryAsync<Guid, int>('^',
            $"select row(c.review_id), row(c.shown) from {CommentCountStorage.Name} c where c.review_id = any(^)",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return counts.ToDictionary(row => row.Item1, row => row.Item2);
    }
}
