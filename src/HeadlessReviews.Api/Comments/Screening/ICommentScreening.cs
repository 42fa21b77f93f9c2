namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// Judges a comment before it can be seen. Never throws for a slow or failing checker: it answers
/// <see cref="SpamVerdict.Unsure"/> with the reason, so the comment is held, never lost.
/// </summary>
public interface ICommentScreening
{
    Task<ScreeningResult> ScreenAsync(CommentSubmission submission, CancellationToken cancellationToken);
}
