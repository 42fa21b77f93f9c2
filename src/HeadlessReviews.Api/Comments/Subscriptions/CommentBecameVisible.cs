using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Realtime;
using Marten;

namespace HeadlessReviews.Api.Comments.Subscriptions;

/// <summary>The bus event "a comment is now public": posted approved, or approved by a moderator.</summary>
public sealed class CommentBecameVisible : IDisposable
{
    public const string Topic = "commentVisible";

    /// <summary>What travels through NOTIFY: the ids only.</summary>
    public sealed record Message(Guid CommentId, Guid ReviewId);

    private CommentBecameVisible(EventFeed<Comment> feed) => Feed = feed;

    /// <summary>
    /// The comments as each instance loads them, if readers see them (<see cref="CommentVisibility"/>): one
    /// hidden again meanwhile, or a reply approved under a comment that is still held, is not announced.
    /// </summary>
    public EventFeed<Comment> Feed { get; }

    /// <summary>Queued in the session that approves the comment: sent when, and only if, it commits (and not at all when the announcer is quiet).</summary>
    public static void Publish(ChangeAnnouncer announcer, IDocumentSession session, Comment comment) =>
        announcer.Notify(session, Topic, new Message(comment.Id, comment.ReviewId));

    public static CommentBecameVisible Create(IServiceProvider services) =>
        new(CommentFeed.Create(services, Topic, CommentVisibility.LoadShownAsync));

    public void Dispose() => Feed.Dispose();
}
