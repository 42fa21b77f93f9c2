using HeadlessReviews.Api.Realtime;
using Marten;

namespace HeadlessReviews.Api.Comments.Subscriptions;

/// <summary>A feed of comments named by id in bus events, each loaded once per instance (null: not announced).</summary>
public static class CommentFeed
{
    public static EventFeed<Comment> Create(IServiceProvider services, string topic, Func<IQuerySession, Guid, CancellationToken, Task<Comment?>> load) =>
        ActivatorUtilities.CreateInstance<EventFeed<Comment>>(services, topic, (Func<BusEvent, CancellationToken, Task<Comment?>>)(async (received, cancellationToken) =>
        {
            var id = received.Message.GetProperty("commentId").GetGuid();
            await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
            return await load(session, id, cancellationToken);
        }));
}
