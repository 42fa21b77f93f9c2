using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary>
/// What a moderator's decision writes, for one comment or many: the new status, who decided and when,
/// the next revision, and its announcements (<see cref="CommentChanges.Moderated"/>), all in the scope's session.
/// </summary>
public sealed class ModerationDecisions(IDocumentSession session, ChangeAnnouncer announcer, Viewer viewer, TimeProvider clock)
{
    public static readonly EditedKind<Comment> Kind = new("Comment", "comment", Tables.Comments, comment => comment.Id);

    public IDocumentSession Session => session;

    /// <summary>The time a decision (or a bulk one, for all its comments) is recorded at.</summary>
    public DateTimeOffset Now() => clock.GetStoredNow();

    /// <summary>Applies a decision already checked against the comment's status (<see cref="ModerationTransitions"/>).</summary>
    public void Apply(Comment comment, CommentStatus target, DateTimeOffset now)
    {
        var wasVisible = comment.Status == CommentStatus.Approved;
        comment.Status = target;
        comment.ModeratedAt = now;
        comment.ModeratedBy = viewer.Name;
        session.UpdateRevision(comment, comment.Version + 1);
        // In the same transaction as the decision: others hear of it only if it commits.
        CommentChanges.Moderated(announcer, session, comment, wasVisible);
    }
}
