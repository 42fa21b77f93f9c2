using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// The one rule for which comments readers see: an approved comment whose every ancestor, up to the one
/// that starts the thread, is approved too (a reply under a held, spam or trashed comment is hidden with
/// it). Every public read path goes through it: the review's thread, <c>commentCount</c>,
/// <c>node</c>/<c>nodes</c> and <c>commentAdded</c>. Moderators read the table directly.
/// </summary>
/// <remarks>
/// Each form reads only the rows it answers for: a page of a thread walks down from the page's comments,
/// a comment by id walks up its ancestors, so neither costs more on a review with thousands of comments.
/// </remarks>
public static class CommentVisibility
{
    private const string Approved = nameof(CommentStatus.Approved);

    // Deeper than any thread posting allows; only a corrupt (cyclic) parent chain gets there, and is hidden.
    private const int DeepestAncestor = 1_000;

    /// <summary>
    /// A derived table <c>(id, review_id)</c> of the comments readers see on the reviews in
    /// <paramref name="reviewIds"/> (a SQL <c>uuid[]</c>), walked down from the top-level approved ones
    /// (by the partial index on <c>(review_id, parent_id)</c> of approved comments). The stored counts of
    /// <see cref="CommentCountStorage"/> are computed by this walk.
    /// </summary>
    public static string Shown(string reviewIds) =>
        WithReplies($"select d.id, d.review_id from {Tables.Comments} d where d.review_id = any({reviewIds}) and {TopLevel("d")}");

    /// <summary>
    /// A derived table <c>(id, review_id)</c> of the rows of <paramref name="shownComments"/> (a query of
    /// <c>id, review_id</c> of comments readers see, in parentheses if it orders or limits, e.g. a page of
    /// top-level ones) and every reply readers see below them, at any depth.
    /// </summary>
    public static string WithReplies(string shownComments) =>
        $"(with recursive shown as ({shownComments} " +
        $"union all select c.id, c.review_id from {Tables.Comments} c join shown s on c.review_id = s.review_id and c.parent_id = s.id where c.status = '{Approved}') " +
        "select id, review_id from shown)";

    /// <summary>The condition that a comment (aliased <paramref name="alias"/>) starts a thread readers see.</summary>
    public static string TopLevel(string alias) => $"{alias}.status = '{Approved}' and {alias}.parent_id is null";

    /// <summary>
    /// A derived table <c>(id, review_id)</c> of the comments among <paramref name="ids"/> (a SQL <c>uuid[]</c>)
    /// readers see (on any review: the caller checks the review), found by walking up each one's ancestors:
    /// every one approved, the last starting the thread (a reply whose parent is gone is hidden).
    /// </summary>
    public static string ShownAmong(string ids) =>
        $"(with recursive up as (" +
        $"select d.id as start, d.review_id, d.parent_id, d.status = '{Approved}' as approved, 0 as depth from {Tables.Comments} d where d.id = any({ids}) " +
        $"union all select u.start, a.review_id, a.parent_id, a.status = '{Approved}', u.depth + 1 from {Tables.Comments} a " +
        $"join up u on a.id = u.parent_id and a.review_id = u.review_id where u.approved and u.depth < {DeepestAncestor}) " +
        "select start as id, review_id from up group by start, review_id having bool_and(approved) and bool_or(parent_id is null))";

    /// <summary>One comment as readers see it, or null when they do not.</summary>
    public static async Task<Comment?> LoadShownAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d join {ShownAmong("^")} s on s.id = d.id where d.id = ^",
            cancellationToken, new[] { id }, id).ConfigureAwait(false)).SingleOrDefault();
}
