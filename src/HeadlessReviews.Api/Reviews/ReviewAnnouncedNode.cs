using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Reviews;

/// <summary>A review as webhook receivers are told of it: its id, slug and status.</summary>
public sealed class ReviewAnnouncedNode : IAnnouncedNode
{
    public AnnouncedNode? Describe(object document) => document is Review review
        ? new AnnouncedNode(new Dictionary<string, object?> { ["__typename"] = "Review", ["id"] = GlobalId.Encode("Review", review.Id), ["slug"] = review.Slug, ["status"] = review.Status.ToString().ToUpperInvariant() }, [])
        : null;
}
