namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// Marks a post made with an idempotency key by one client: its id is a hash of both, so two identical
/// requests racing each other collide on the primary key and only one comment is stored.
/// </summary>
public sealed class CommentIdempotency
{
    public string Id { get; set; } = "";
    public Guid CommentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
