using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Tests.Realtime;

/// <summary>The bus itself: delivery after commit only, and bounded buffers for slow subscribers.</summary>
[Collection(ApiCollection.Name)]
public sealed class EventBusTests(ApiFactory api)
{
    private IEventBus Bus => api.Services.GetRequiredService<IEventBus>();

    [Fact]
    public async Task An_event_of_a_rolled_back_change_is_never_delivered()
    {
        var topic = $"test.{Guid.NewGuid():N}";
        using var subscription = Bus.Subscribe(topic);
        await api.Services.GetRequiredService<PostgresListener>().Listening;

        await using (var abandoned = api.Store.LightweightSession())
            Bus.Publish(abandoned, topic, new { n = "never saved" });
        await using (var failed = api.Store.LightweightSession())
        {
            Bus.Publish(failed, topic, new { n = "rolled back" });
            failed.QueueSqlCommand("select 1/0");
            await Assert.ThrowsAnyAsync<Exception>(() => failed.SaveChangesAsync());
        }
        await using (var committed = api.Store.LightweightSession())
        {
            Bus.Publish(committed, topic, new { n = "committed" });
            await committed.SaveChangesAsync();
        }

        // NOTIFY is delivered in commit order: had either of the others been sent, it would come first.
        Assert.Equal("committed", (await ReadAsync(subscription)).Message.GetProperty("n").GetString());
        // A later commit is the next to arrive: nothing of the others came in between, or after them.
        await using (var marker = api.Store.LightweightSession())
        {
            Bus.Publish(marker, topic, new { n = "marker" });
            await marker.SaveChangesAsync();
        }
        Assert.Equal("marker", (await ReadAsync(subscription)).Message.GetProperty("n").GetString());
        Assert.False(subscription.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_subscriber_that_never_reads_stays_bounded_while_others_receive_everything()
    {
        var topic = $"test.{Guid.NewGuid():N}";
        const int events = 1000;
        var buffer = api.Services.GetRequiredService<IOptions<RealtimeSettings>>().Value.SubscriberBuffer;
        Assert.True(buffer < events);
        using var slow = Bus.Subscribe(topic);
        using var reader = Bus.Subscribe(topic, capacity: events);
        await api.Services.GetRequiredService<PostgresListener>().Listening;

        await using (var session = api.Store.LightweightSession())
        {
            // Distinct payloads: PostgreSQL folds identical notifications of one transaction into one.
            for (var i = 0; i < events; i++) Bus.Publish(session, topic, new { i });
            await session.SaveChangesAsync();
        }

        for (var i = 0; i < events; i++) Assert.Equal(i, (await ReadAsync(reader)).Message.GetProperty("i").GetInt32());
        Assert.Equal(buffer, slow.Buffered);
        Assert.Equal(events - buffer, slow.Dropped);
        Assert.Equal(0, reader.Dropped);
        // Operators see the drops, and every event's way through NOTIFY, in /metrics.
        var scrape = await PrometheusScrape.FromAsync(api.CreateClient());
        Assert.Equal(events - buffer, scrape.Sum("headlessreviews_subscriptions_events_dropped_total", ("topic", topic)));
        // At least: other hosts of this test process on the same database count what they receive too.
        Assert.True(scrape.Sum("headlessreviews_realtime_notify_lag_seconds_count", ("topic", topic)) >= events);
    }

    [Fact]
    public void A_message_too_large_for_notify_is_refused()
    {
        using var session = api.Store.LightweightSession();
        Assert.Throws<ArgumentException>(() => Bus.Publish(session, "test.large", new { text = new string('x', 8000) }));
    }

    private static async Task<BusEvent> ReadAsync(EventSubscription<BusEvent> subscription)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await subscription.Reader.ReadAsync(timeout.Token);
    }
}
