using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// Comments by id for <c>node(id:)</c>: the public gets the comments <see cref="CommentVisibility"/> shows
/// on reviews it may see, and null for anything else, exactly as for an id that does not exist.
/// </summary>
public sealed class CommentsByIdLoader(IQuerySession session, Viewer viewer) : BatchLoader<Guid, Comment?>
{
    protected override async Task<IReadOnlyDictionary<Guid, Comment?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        // Moderators read any comment; the public only those CommentVisibility shows.
        var shown = viewer.CanModerateComments ? "" : $"join {CommentVisibility.ShownAmong("^")} s on s.id = d.id ";
        object[] parameters = viewer.CanModerateComments ? [keys.ToArray()] : [keys.ToArray(), keys.ToArray()];
        var comments = await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d {shown}join {Tables.Reviews} r on r.id = d.review_id " +
            $"where d.id = any(^) and {ReviewVisibility.Sql(viewer, "r")}",
            cancellationToken, parameters).ConfigureAwait(false);
        return comments.ToDictionary(comment => comment.Id, comment => (Comment?)comment);
    }
}
