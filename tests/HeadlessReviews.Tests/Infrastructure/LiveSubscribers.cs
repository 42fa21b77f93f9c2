using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Reviews.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// Whether a subscription a client asked for is listening yet: a transport starts it just after it
/// accepts the request, so a test waits for the feed's subscriber count before it publishes.
/// </summary>
public static class LiveSubscribers
{
    public static EventFeed<ReviewPublished> ReviewFeed(this IServiceProvider services) => services.GetRequiredService<EventFeed<ReviewPublished>>();

    /// <summary>Waits until <paramref name="feed"/> has at least <paramref name="count"/> subscribers in this instance.</summary>
    public static Task HasSubscribersAsync<T>(this EventFeed<T> feed, int count) where T : class =>
        Eventually.TrueAsync(() => feed.SubscriberCount >= count, because: $"the feed has {feed.SubscriberCount} subscribers, not {count}");
}
