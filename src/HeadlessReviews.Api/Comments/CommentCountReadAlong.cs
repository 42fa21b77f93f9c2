using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// <c>commentCount</c> read with the reviews themselves (the home page's cards, a review page's lookup by slug)
/// from <see cref="CommentCountStorage"/>, the same stored count <see cref="CommentCountsLoader"/> reads.
/// </summary>
public sealed class CommentCountReadAlong(CommentCountsLoader counts) : IReviewReadAlong
{
    public string Field => "commentCount";

    public string Sql(string review) => $"(select c.shown from {CommentCountStorage.Name} c where c.review_id = {review}.id)";

    public void Received(Guid reviewId, int value) => counts.Prime(reviewId, value);
}
