using System.Security.Cryptography;
using System.Text;
using Marten;

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

    public static string IdOf(string addressHash, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{addressHash}|{key}")));

    /// <summary>
    /// The comment first stored with this marker, if within <paramref name="window"/>; and whether any
    /// marker exists (one older than the window, or whose comment is gone, is to be replaced). Read
    /// outside the posting session, which may hold a failed transaction.
    /// </summary>
    public static async Task<(Comment? Comment, bool MarkerExists)> EarlierAsync(IDocumentStore store, string id, TimeSpan window, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var fresh = store.QuerySession();
        var marker = await fresh.LoadAsync<CommentIdempotency>(id, cancellationToken);
        if (marker is null) return (null, false);
        if (now - marker.CreatedAt > window) return (null, true);
        return (await fresh.LoadAsync<Comment>(marker.CommentId, cancellationToken), true);
    }
}
