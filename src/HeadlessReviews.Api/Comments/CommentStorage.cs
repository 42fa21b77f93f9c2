using Marten;

namespace HeadlessReviews.Api.Comments;

public static class CommentStorage
{
    public static void Configure(StoreOptions options)
    {
        var comments = options.Schema.For<Comment>();
        comments.UseNumericRevisions(true);
        comments.Duplicate(c => c.ReviewId);
        comments.Duplicate(c => c.Status);
        comments.Duplicate(c => c.PostedAt);
    }
}
