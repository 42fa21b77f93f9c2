using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Reviews;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>Deleting a review deletes its comments, whatever <c>cascade</c> says.</summary>
public sealed class CommentsOfDeletedReview(IDocumentSession session) : IDeletionCascade<Review>
{
    public Task<UserError?> ApplyAsync(Review document, bool cascade, CancellationToken cancellationToken)
    {
        session.DeleteWhere<Comment>(comment => comment.ReviewId == document.Id);
        return Task.FromResult<UserError?>(null);
    }
}
