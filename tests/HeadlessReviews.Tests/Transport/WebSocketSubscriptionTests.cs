using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;

namespace HeadlessReviews.Tests.Transport;

/// <summary>A subscription over <c>graphql-transport-ws</c>: an event arrives as <c>next</c>; the client's <c>complete</c> stops it.</summary>
public sealed class WebSocketSubscriptionTests(ApiFactory api) : ReviewEditingTest(api)
{
    [Fact]
    public async Task A_published_review_arrives_as_next_and_complete_stops_the_stream()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("live", "subscription { reviewPublished { id headline } }");
        var draft = await CreateAsync();
        await Task.Delay(300);
        await ChangeAsync("publishReview", At(draft));

        var next = await socket.ReceiveAsync();
        Assert.Equal("next", (string)next["type"]!);
        Assert.Equal("live", (string)next["id"]!);
        Assert.Equal((string)draft["id"]!, (string)next["payload"]!["data"]!["reviewPublished"]!["id"]!);

        await socket.SendAsync(new { id = "live", type = "complete" });
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string)(await socket.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task Subscribing_twice_with_an_open_id_closes_with_4409()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server);
        await socket.SubscribeAsync("same", "subscription { reviewPublished { id } }");
        await Task.Delay(300);
        await socket.SubscribeAsync("same", "subscription { reviewPublished { id } }");
        Assert.Equal(4409, await socket.ClosedAsync());
    }
}
