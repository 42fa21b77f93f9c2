using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Comments;

/// <summary>A comment as webhook receivers are told of it: its id, status and review; it changes its review's thread and count too.</summary>
public sealed class CommentAnnouncedNode : IAnnouncedNode
{
    public AnnouncedNode? Describe(object document) => document is Comment comment
        ? new AnnouncedNode(new Dictionary<string, object?> { ["__typename"] = "Comment", ["id"] = GlobalId.Encode("Comment", comment.Id), ["status"] = comment.Status.ToString().ToUpperInvariant(), ["reviewId"] = GlobalId.Encode("Review", comment.ReviewId) }, [$"review-{comment.ReviewId:N}"])
        : null;
}
