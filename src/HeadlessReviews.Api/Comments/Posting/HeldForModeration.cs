using HeadlessReviews.Api.Comments.Screening;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>The screening used when none is configured: every comment waits for a moderator.</summary>
public sealed class HeldForModeration : ICommentScreening
{
    public Task<ScreeningResult> ScreenAsync(CommentSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult(new ScreeningResult(SpamVerdict.Unsure, ["No screening is configured; held for a moderator."]));
}
