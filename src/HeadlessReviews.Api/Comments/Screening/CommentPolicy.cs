using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Turns screening's verdict into the status a new comment is stored with.</summary>
public sealed class CommentPolicy(IOptions<CommentPolicySettings> settings)
{
    /// <param name="hasApprovedBefore">The same name and e-mail already have an approved comment (<see cref="ApprovedCommenters"/>): a known reader.</param>
    public CommentStatus Decide(ScreeningResult screening, bool hasApprovedBefore) => screening.Verdict switch
    {
        SpamVerdict.Spam => CommentStatus.Spam,
        SpamVerdict.Ham when hasApprovedBefore => CommentStatus.Approved,
        SpamVerdict.Ham => settings.Value.FirstTimeHam,
        // Unsure, and anything new: hold it for a person rather than publish it unchecked.
        _ => CommentStatus.Pending,
    };
}
