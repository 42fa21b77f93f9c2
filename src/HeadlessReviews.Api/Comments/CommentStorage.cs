using Marten;
using Marten.Schema;

namespace HeadlessReviews.Api.Comments;

public static class CommentStorage
{
    public static void Configure(StoreOptions options)
    {
        var comments = options.Schema.For<Comment>();
        comments.UseNumericRevisions(true);
        // Registered up front so Production's schema check and `migrate` know the table.
        options.Schema.For<Posting.CommentIdempotency>();
        comments.Duplicate(c => c.ReviewId);
        comments.Duplicate(c => c.Status);
        comments.Duplicate(c => c.PostedAt);
        // Known commenters and e-mail floods are looked up by the lower-cased e-mail on every post.
        comments.Index(c => c.AuthorEmail, index => index.Casing = ComputedIndex.Casings.Lower);
    }
}
