using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Reviews.Subscriptions;

/// <summary>A subscription over <c>graphql-transport-ws</c>: an event arrives as <c>next</c>; the client's <c>complete</c> stops it.</summary>
public sealed class WebSocketSubscriptionTests(ApiFactory api) : ReviewEditingTest(api)
{
    [Fact]
    public async Task A_published_review_arrives_as_next_and_complete_stops_the_stream()
    {
        var feed = Api.Services.ReviewFeed();
        var before = feed.SubscriberCount;
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("live", "subscription { reviewPublished { id headline } }");
        // A second subscription on the same connection: it proves a later event went through the pipeline.
        await socket.SubscribeAsync("witness", "subscription { reviewPublished { id } }");
        await feed.HasSubscribersAsync(before + 2);
        var draft = await CreateAsync();
        await ChangeAsync("publishReview", At(draft));

        var nexts = new[] { await socket.ReceiveAsync(), await socket.ReceiveAsync() };
        Assert.All(nexts, next => Assert.Equal("next", (string)next["type"]!));
        var live = Assert.Single(nexts, next => (string)next["id"]! == "live");
        Assert.Equal((string)draft["id"]!, (string)live["payload"]!["data"]!["reviewPublished"]!["id"]!);
        Assert.Single(nexts, next => (string)next["id"]! == "witness");

        await socket.SendAsync(new { id = "live", type = "complete" });
        await Eventually.TrueAsync(() => feed.SubscriberCount == before + 1, because: "`complete` did not end the subscription");
        var later = await ChangeAsync("publishReview", At(await CreateAsync()));

        // The witness receives the later event; nothing more comes for `live`, before it or up to the pong.
        var witnessed = await socket.ReceiveAsync();
        Assert.Equal("witness", (string)witnessed["id"]!);
        Assert.Equal((string)later["id"]!, (string)witnessed["payload"]!["data"]!["reviewPublished"]!["id"]!);
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string)(await socket.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task Subscribing_twice_with_an_open_id_closes_with_4409()
    {
        var feed = Api.Services.ReviewFeed();
        var before = feed.SubscriberCount;
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("same", "subscription { reviewPublished { id } }");
        await feed.HasSubscribersAsync(before + 1);
        await socket.SubscribeAsync("same", "subscription { reviewPublished { id } }");
        Assert.Equal(4409, await socket.ClosedAsync());
    }
}
