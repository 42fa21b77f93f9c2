using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Execution;
using JasperFx;
using Marten.Schema;

namespace HeadlessReviews.Api.Comments;

/// <summary>A reader's comment on a review; replies point at their parent.</summary>
public sealed class Comment : IRevisioned, ICacheTagged
{
    public Guid Id { get; set; }

    string ICacheTagged.CacheTagKind => "comment";

    /// <summary>Numeric revision kept by Marten; moderation decisions take it as <c>expectedVersion</c>.</summary>
    public int Version { get; set; }

    public Guid ReviewId { get; set; }
    public Guid? ParentId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>Required when posting, kept for moderators, never published.</summary>
    public string AuthorEmail { get; set; } = "";
    public string? AuthorUrl { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
    public CommentStatus Status { get; set; } = CommentStatus.Pending;

    /// <summary>Keyed hash of the poster's address: lets moderators see floods from one place without keeping the address.</summary>
    public string? ClientAddressHash { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>What the screening said when the comment was posted, and why.</summary>
    public SpamVerdict? SpamVerdict { get; set; }
    public List<string> SpamReasons { get; set; } = [];

    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }

    /// <summary>
    /// The e-mail as screening compares it (trimmed, lower case): stored in its own indexed column so the
    /// flood rule and known-commenter check never read the JSON. Derived, so every write path (posts,
    /// imports, bulk loads) fills it in.
    /// </summary>
    public string AuthorEmailKey => AuthorEmail.Trim().ToLowerInvariant();

    /// <summary>A hash of the body as <see cref="RepeatedBodyRule"/> compares it: repeated text is found by an index.</summary>
    public string BodyFingerprint => RepeatedBodyRule.Fingerprint(Body);

    /// <summary>Marten calls this when it maps the document: its composite indexes.</summary>
    public static void ConfigureMarten(DocumentMapping mapping) => CommentStorage.AddIndexes(mapping);
}

public enum CommentStatus
{
    Pending,
    Approved,
    Spam,
    Trash,
}
