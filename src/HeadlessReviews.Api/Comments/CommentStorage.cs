using Marten;

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
        // Derived columns for the visibility walk and screening; their composite indexes are in CommentCountStorage.
        comments.Duplicate(c => c.ParentId!);
        comments.Duplicate(c => c.ClientAddressHash!);
        comments.Duplicate(c => c.AuthorEmailKey);
        comments.Duplicate(c => c.BodyFingerprint);
        CommentCountStorage.Configure(options);
    }
}
