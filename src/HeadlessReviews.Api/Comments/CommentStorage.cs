using Marten;
using Marten.Schema;

namespace HeadlessReviews.Api.Comments;

public static class CommentStorage
{
    public const string Approved = nameof(CommentStatus.Approved);

    public static void Configure(StoreOptions options)
    {
        var comments = options.Schema.For<Comment>();
        comments.UseNumericRevisions(true);
        // Registered up front so Production's schema check and `migrate` know the table.
        options.Schema.For<Posting.CommentIdempotency>();
        comments.Duplicate(c => c.ReviewId);
        comments.Duplicate(c => c.Status);
        comments.Duplicate(c => c.PostedAt);
        // Derived columns for the visibility walk and screening; their composite indexes: AddIndexes.
        comments.Duplicate(c => c.ParentId!);
        comments.Duplicate(c => c.ClientAddressHash!);
        comments.Duplicate(c => c.AuthorEmailKey);
        comments.Duplicate(c => c.BodyFingerprint);
        CommentCountStorage.Configure(options);
    }

    /// <summary>
    /// Indexes for the reads a post and a page make (called by <see cref="Comment.ConfigureMarten"/>, as
    /// Marten's fluent configuration cannot name a second index on a column): the visibility walk goes
    /// down approved threads by (review, parent), a page of one starts at its top-level comments by (review,
    /// posted_at, id); each screening rule counts one key's comments since a
    /// moment, so (key, posted_at) answers it from the newest entries, however busy the table is.
    /// </summary>
    public static void AddIndexes(DocumentMapping mapping)
    {
        var thread = mapping.AddIndex("review_id", "parent_id");
        thread.Name = "mt_doc_comment_idx_shown_thread";
        thread.Predicate = $"status = '{Approved}'";
        // A page of a review's thread starts from its top-level comments, oldest first, read in that order.
        var topLevel = mapping.AddIndex("review_id", "posted_at", "id");
        topLevel.Name = "mt_doc_comment_idx_shown_top_level";
        topLevel.Predicate = $"status = '{Approved}' and parent_id is null";
        foreach (var key in new[] { "body_fingerprint", "client_address_hash", "author_email_key" })
            mapping.AddIndex(key, "posted_at").Name = $"mt_doc_comment_idx_{key}_posted_at";
    }
}
