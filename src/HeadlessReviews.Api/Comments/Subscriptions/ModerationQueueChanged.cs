using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Realtime;
using Marten;

namespace HeadlessReviews.Api.Comments.Subscriptions;

/// <summary>The bus event "the moderation queue changed": a comment held as pending, or a moderator's decision.</summary>
public sealed class ModerationQueueChanged : IDisposable
{
    public const string Topic = "moderationQueueChanged";

    /// <summary>What travels through NOTIFY: the id only.</summary>
    public sealed record Message(Guid CommentId);

    private ModerationQueueChanged(EventFeed<Comment> feed) => Feed = feed;

    /// <summary>The comments as each instance loads them, in whatever state they are now.</summary>
    public EventFeed<Comment> Feed { get; }

    /// <summary>Queued in the session that holds or decides on the comment: sent when, and only if, it commits (and not at all when the announcer is quiet).</summary>
    public static void Publish(ChangeAnnouncer announcer, IDocumentSession session, Comment comment) =>
        announcer.Notify(session, Topic, new Message(comment.Id));

    public static ModerationQueueChanged Create(IServiceProvider services) => new(CommentFeed.Create(services, Topic, async (session, id, cancellationToken) => await session.LoadAsync<Comment>(id, cancellationToken)));

    public void Dispose() => Feed.Dispose();
}
