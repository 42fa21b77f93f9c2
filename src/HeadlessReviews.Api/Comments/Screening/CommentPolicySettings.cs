using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>What screening's verdict means for a comment, bound from <c>HeadlessReviews:Comments</c>.</summary>
public sealed class CommentPolicySettings
{
    public const string Section = "HeadlessReviews:Comments";

    /// <summary>Status of a Ham comment from an e-mail with no approved comment yet: Pending (held, as WordPress does) or Approved.</summary>
    [AllowedValues(CommentStatus.Pending, CommentStatus.Approved)]
    public CommentStatus FirstTimeHam { get; set; } = CommentStatus.Pending;
}
