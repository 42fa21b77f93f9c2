using HeadlessReviews.Api.Comments.Subscriptions;
using HeadlessReviews.Api.Editing;
using Marten;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// What a comment's change tells others, queued in the change's session through the scope's
/// <see cref="ChangeAnnouncer"/> (nothing when it is quiet, nothing for a rollback): webhook receivers
/// hear <c>comment.changed</c>, subscribers <c>commentAdded</c> when it became public and
/// <c>moderationQueueChanged</c> when moderators have something new to see. Posting, importing and
/// moderating all announce here.
/// </summary>
public static class CommentChanges
{
    /// <summary>A new comment, already inserted in <paramref name="session"/>.</summary>
    public static void Added(ChangeAnnouncer announcer, IDocumentSession session, Comment comment)
    {
        announcer.Changed(session, comment);
        if (comment.Status == CommentStatus.Approved) CommentBecameVisible.Publish(announcer, session, comment);
        else if (comment.Status == CommentStatus.Pending) ModerationQueueChanged.Publish(announcer, session, comment);
    }

    /// <summary>A moderator's decision on a comment that was <paramref name="wasVisible"/> (approved) before it.</summary>
    public static void Moderated(ChangeAnnouncer announcer, IDocumentSession session, Comment comment, bool wasVisible)
    {
        announcer.Changed(session, comment);
        ModerationQueueChanged.Publish(announcer, session, comment);
        if (comment.Status == CommentStatus.Approved && !wasVisible) CommentBecameVisible.Publish(announcer, session, comment);
    }
}
