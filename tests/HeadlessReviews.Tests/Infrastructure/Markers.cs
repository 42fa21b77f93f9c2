using HeadlessReviews.Api.Comments.Subscriptions;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Reviews.Subscriptions;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// Known events announced again through the bus, as the service would on a commit: a subscription that
/// matches one gets it after everything published before, so "nothing else came first" is provable
/// without waiting for a fixed time.
/// </summary>
public static class Markers
{
    /// <summary>The demo review of "her" (published, POP, 15): every unfiltered <c>reviewPublished</c> gets it.</summary>
    public static readonly string Review = GlobalId.Encode("Review", DemoIds.For("review", "her"));

    /// <summary>An approved demo comment on "her": <c>commentAdded</c> of that review gets it.</summary>
    public static readonly string Comment = GlobalId.Encode("Comment", DemoIds.For("comment", "her-1"));

    public static Task AnnounceReviewAsync(this IServiceProvider services) =>
        services.AnnounceAsync(ReviewPublished.Topic, new ReviewPublished.Message(DemoIds.For("review", "her")));

    public static Task AnnounceCommentAsync(this IServiceProvider services) =>
        services.AnnounceAsync(CommentBecameVisible.Topic, new CommentBecameVisible.Message(DemoIds.For("comment", "her-1"), DemoIds.For("review", "her")));

    public static Task AnnounceQueuedCommentAsync(this IServiceProvider services) =>
        services.AnnounceAsync(ModerationQueueChanged.Topic, new ModerationQueueChanged.Message(DemoIds.For("comment", "her-1")));

    private static async Task AnnounceAsync<T>(this IServiceProvider services, string topic, T message)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        services.GetRequiredService<IEventBus>().Publish(session, topic, message);
        await session.SaveChangesAsync();
    }
}
