namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// A wp:comment of an item. <paramref name="Parent"/> is the parent's comment id, 0 at the top of a thread;
/// <paramref name="Approved"/> is as exported ("1", "0", "spam", "trash", "post-trashed");
/// <paramref name="Type"/> is empty or "comment" for comments, "pingback"/"trackback" otherwise.
/// <paramref name="Date"/> is the site's local time (unspecified kind), <paramref name="DateGmt"/> UTC; null when absent or zero.
/// </summary>
public sealed record WxrComment(
    long Id,
    string Author,
    string AuthorEmail,
    string AuthorUrl,
    string AuthorIp,
    DateTime? Date,
    DateTime? DateGmt,
    string Content,
    string Approved,
    string Type,
    long Parent,
    long UserId,
    IReadOnlyList<WxrMeta> Meta);
