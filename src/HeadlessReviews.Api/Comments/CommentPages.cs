using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// Pages of a thread already in memory (<see cref="ApprovedCommentsByReviewLoader"/>), with the same
/// keyset cursors as the database lists: (posted time, id), so a page stays put as comments arrive.
/// </summary>
public static class CommentPages
{
    private const string Signature = "comments:posted+,id+";
    private static readonly SortKey[] Order = [new("posted_at", "timestamptz", false), new("id", "uuid", false)];

    public static Connection<Comment> TopLevel(IReadOnlyList<Comment> thread, PageRequest page)
    {
        // Sorted here, not by the database, so the order and the cursor comparison below agree on ties.
        var topLevel = thread.Where(comment => comment.ParentId is null).OrderBy(c => c.PostedAt).ThenBy(c => c.Id).ToList();
        var start = 0;
        var end = topLevel.Count;
        if (page.Cursor is not null)
        {
            var (postedAt, id) = Decode(page.Cursor, page.Backward ? "before" : "after");
            var position = topLevel.FindIndex(c => c.PostedAt > postedAt || (c.PostedAt == postedAt && c.Id.CompareTo(id) > 0));
            var firstAfter = position < 0 ? topLevel.Count : position;
            if (page.Backward)
                end = firstAfter > 0 && Matches(topLevel[firstAfter - 1], postedAt, id) ? firstAfter - 1 : firstAfter;
            else
                start = firstAfter;
        }

        var window = topLevel[start..end];
        var slice = page.Backward ? window.TakeLast(page.Size).ToList() : window.Take(page.Size).ToList();
        var more = window.Count > slice.Count;
        var edges = slice.Select(comment => new Edge<Comment>(Encode(comment), comment)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: page.Backward ? end < topLevel.Count : more,
            HasPreviousPage: page.Backward ? more : start > 0,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<Comment>(edges, pageInfo, _ => Task.FromResult((long)topLevel.Count));
    }

    private static bool Matches(Comment comment, DateTimeOffset postedAt, Guid id) => comment.PostedAt == postedAt && comment.Id == id;

    private static string Encode(Comment comment) =>
        Cursor.Encode(Signature, System.Text.Json.JsonSerializer.Serialize(new object[] { comment.PostedAt, comment.Id }));

    private static (DateTimeOffset PostedAt, Guid Id) Decode(string cursor, string argument)
    {
        var values = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(Cursor.Decode(cursor, argument, Signature, Order))!;
        // PostgreSQL's `infinity` passes the cursor check but is no DateTimeOffset: not a cursor of ours.
        return values[0].TryGetDateTimeOffset(out var postedAt) && values[1].TryGetGuid(out var id) ? (postedAt, id) : throw Cursor.Invalid(argument);
    }
}
