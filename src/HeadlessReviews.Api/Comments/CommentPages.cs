using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// Pages of a review's top-level comments, oldest first, with keyset cursors of (posted time, id), so a page
/// stays put as comments arrive. One form of cursor whether the page came from the database
/// (<see cref="CommentThreadPagesLoader"/>) or from the review page's read-along (<see cref="ThreadHead"/>).
/// </summary>
public static class CommentPages
{
    private const string Signature = "comments:posted+,id+";
    private static readonly SortKey[] Order = [new("posted_at", "timestamptz", false), new("id", "uuid", false)];

    /// <summary>A page of <paramref name="topLevel"/> (in page order: oldest first, newest first when backward), read one past the page's size.</summary>
    public static Connection<Comment> Of(IReadOnlyList<Comment> topLevel, PageRequest page, Func<CancellationToken, Task<long>> countAsync)
    {
        var more = topLevel.Count > page.Size;
        var edges = topLevel.Take(page.Size).Select(comment => new Edge<Comment>(Encode(comment), comment)).ToList();
        if (page.Backward) edges.Reverse();
        var pageInfo = PageInfo.OfKeysetPage(page, more, edges);
        return new Connection<Comment>(edges, pageInfo, countAsync);
    }

    /// <summary>Oldest first, as the database orders the column (microseconds), ties by id.</summary>
    public static IEnumerable<Comment> Oldest(IEnumerable<Comment> comments) => comments.OrderBy(PostedAt).ThenBy(comment => comment.Id);

    /// <summary>The (posted time, id) a cursor stands for, its time in UTC.</summary>
    public static (DateTimeOffset PostedAt, Guid Id) Decode(string cursor, string argument)
    {
        var values = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(Cursor.Decode(cursor, argument, Signature, Order))!;
        // PostgreSQL's `infinity` passes the cursor check but is no DateTimeOffset: not a cursor of ours.
        return values[0].TryGetDateTimeOffset(out var postedAt) && values[1].TryGetGuid(out var id) ? (postedAt.ToUniversalTime(), id) : throw Cursor.Invalid(argument);
    }

    private static string Encode(Comment comment) =>
        Cursor.Encode(Signature, System.Text.Json.JsonSerializer.Serialize(new object[] { PostedAt(comment), comment.Id }));

    // The stored column keeps microseconds (Npgsql truncates the ticks): cursors and the order agree with it.
    private static DateTimeOffset PostedAt(Comment comment) =>
        new(comment.PostedAt.UtcTicks - comment.PostedAt.UtcTicks % 10, TimeSpan.Zero);
}
