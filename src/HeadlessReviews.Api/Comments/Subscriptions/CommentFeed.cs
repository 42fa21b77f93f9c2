using HeadlessReviews.Api.Realtime;
using Marten;

namespace HeadlessReviews.Api.Comments.Subscriptions;

/// <summary>A feed of comments named by id in bus events, each loaded once per instance.</summary>
public static class CommentFeed
{
    public static EventFeed<Comment> Create(IServiceProvider services, string topic, Func<Comment, bool> stillApplies) =>
        ActivatorUtilities.CreateInstance<EventFeed<Comment>>(services, topic, (Func<BusEvent, CancellationToken, Task<Comment?>>)(async (received, cancellationToken) =>
        {
            var id = received.Message.GetProperty("commentId").GetGuid();
            await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.LoadAsync<Comment>(id, cancellationToken) is { } comment && stillApplies(comment) ? comment : null;
        }));
}
