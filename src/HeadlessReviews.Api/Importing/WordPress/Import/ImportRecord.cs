namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// What an import made of one WordPress post, keyed by the source site and the post's id: which review, the hash of
/// the post as it was read, and the review's version right after. The next run compares: the same hash is
/// <c>unchanged</c>; a new hash with the review still at that version is <c>updated</c>; a review changed here since is
/// a <c>conflict</c> and left alone. Its comments are tracked the same way, one entry per WordPress comment id.
/// </summary>
public sealed class ImportRecord
{
    /// <summary><see cref="KeyOf"/>: the site and the post id.</summary>
    public string Id { get; set; } = "";
    public string Site { get; set; } = "";
    public long WordPressId { get; set; }
    public Guid ReviewId { get; set; }
    public int ReviewVersion { get; set; }
    public Guid FilmId { get; set; }
    public string SourceHash { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    /// <summary>By WordPress comment id (as text: a JSON object's keys).</summary>
    public Dictionary<string, ImportedCommentRecord> Comments { get; set; } = [];

    public static string KeyOf(string site, long postId) => $"{site}/post/{postId}";
}

/// <summary>One imported comment: ours, its version after the import, and the hash of what WordPress said of it.</summary>
public sealed record ImportedCommentRecord(Guid Id, int Version, string Hash);
