namespace HeadlessReviews.Api.Comments;

/// <summary>A reader's comment on a review; replies point at their parent.</summary>
public sealed class Comment
{
    public Guid Id { get; set; }
    public Guid ReviewId { get; set; }
    public Guid? ParentId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>Required when posting, kept for moderators, never published.</summary>
    public string AuthorEmail { get; set; } = "";
    public string? AuthorUrl { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
    public CommentStatus Status { get; set; } = CommentStatus.Pending;
}

public enum CommentStatus
{
    Pending,
    Approved,
    Spam,
    Trash,
}
