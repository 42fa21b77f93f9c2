using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// The one rule for which comments readers see: an approved comment whose every ancestor, up to the one
/// that starts the thread, is approved too (a reply under a held, spam or trashed comment is hidden with
/// it). Every public read path goes through it: the review's thread, <c>commentCount</c>,
/// <c>node</c>/<c>nodes</c> and <c>commentAdded</c>. Moderators read the table directly.
/// </summary>
public static class CommentVisibility
{
    private const string Approved = nameof(CommentStatus.Approved);

    /// <summary>
    /// A derived table <c>(id, review_id)</c> of the comments readers see on the reviews in
    /// <paramref name="reviewIds"/> (a SQL <c>uuid[]</c>), walked down from the top-level approved ones
    /// (by the partial index on <c>(review_id, parent_id)</c> of approved comments). The stored counts of
    /// <see cref="CommentCountStorage"/> are computed by this same walk.
    /// </summary>
    public static string Shown(string reviewIds) =>
        $"(with recursive shown as (" +
        $"select d.id, d.review_id from {Tables.Comments} d where d.review_id = any({reviewIds}) and d.status = '{Approved}' and d.parent_id is null " +
        $"union all select c.id, c.review_id from {Tables.Comments} c join shown s on c.review_id = s.review_id and c.parent_id = s.id where c.status = '{Approved}') " +
        "select id, review_id from shown)";

    /// <summary>The comments among <paramref name="ids"/> readers see (on any review: the caller checks the review).</summary>
    public static string ShownAmong(string ids) =>
        Shown($"array(select distinct i.review_id from {Tables.Comments} i where i.id = any({ids}))");

    /// <summary>One comment as readers see it, or null when they do not.</summary>
    public static async Task<Comment?> LoadShownAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d join {ShownAmong("^")} s on s.id = d.id where d.id = ^",
            cancellationToken, new[] { id }, id).ConfigureAwait(false)).SingleOrDefault();
}
