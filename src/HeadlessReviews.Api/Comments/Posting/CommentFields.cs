namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// What every new comment is given, posted or imported: where it goes (<see cref="CommentThread"/>)
/// and what its author wrote (<see cref="CommentContent"/>), both checked the same way for either.
/// </summary>
public abstract class CommentFields
{
    public string? ReviewId { get; set; }
    /// <summary>The comment replied to, on the same review; none to start a thread.</summary>
    public string? ParentId { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    public string? Body { get; set; }
}
