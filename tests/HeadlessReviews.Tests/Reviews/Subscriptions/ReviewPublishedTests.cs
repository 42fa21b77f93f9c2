using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Reviews.Subscriptions;

/// <summary><c>reviewPublished</c>: fired by <c>publishReview</c> after its commit, filtered per subscriber.</summary>
public sealed class ReviewPublishedTests(ApiFactory api) : ReviewEditingTest(api)
{
    private const string Subscription = "subscription($where: ReviewFilter) { reviewPublished(where: $where) { id headline verdict { rating } film { slug } } }";

    [Fact]
    public async Task Publishing_a_review_reaches_a_subscriber_once()
    {
        await using var probe = await SubscribeAsync();
        var draft = await CreateAsync();

        await ChangeAsync("publishReview", At(draft));

        var received = (await probe.NextAsync())["reviewPublished"]!;
        Assert.Equal((string)draft["id"]!, (string?)received["id"]);
        Assert.Equal("carol", (string?)received["film"]!["slug"]);
        await probe.AssertNothingBeforeAsync(Api.Services.AnnounceReviewAsync, Markers.Review);
    }

    [Fact]
    public async Task Publishing_again_after_unpublishing_fires_again()
    {
        await using var probe = await SubscribeAsync();
        var published = await ChangeAsync("publishReview", At(await CreateAsync()));
        Assert.Equal((string)published["id"]!, (string?)(await probe.NextAsync())["reviewPublished"]!["id"]);

        var draft = await ChangeAsync("unpublishReview", At(published));
        await probe.AssertNothingBeforeAsync(Api.Services.AnnounceReviewAsync, Markers.Review);
        await ChangeAsync("publishReview", At(draft));

        Assert.Equal((string)published["id"]!, (string?)(await probe.NextAsync())["reviewPublished"]!["id"]);
    }

    [Fact]
    public async Task The_filter_is_applied_per_subscriber()
    {
        await using var matching = await SubscribeAsync(new { verdict = "POP", filmId = FilmId("carol") });
        await using var otherVerdict = await SubscribeAsync(new { verdict = "POOP" });
        await using var otherFilm = await SubscribeAsync(new { filmId = FilmId("arrival") });
        await using var tooEarly = await SubscribeAsync(new { publishedBefore = "2000-01-01T00:00:00Z" });
        // Gets every event of the same feed: once it has the marker, the feed has offered the review to all.
        await using var witness = await SubscribeAsync();

        var draft = await CreateAsync();
        await ChangeAsync("publishReview", At(draft));

        Assert.Equal((string)draft["id"]!, (string?)(await matching.NextAsync())["reviewPublished"]!["id"]);
        Assert.Equal((string)draft["id"]!, (string?)(await witness.NextAsync())["reviewPublished"]!["id"]);
        await witness.AssertNothingBeforeAsync(Api.Services.AnnounceReviewAsync, Markers.Review);
        otherVerdict.AssertNone();
        otherFilm.AssertNone();
        tooEarly.AssertNone();
    }

    [Fact]
    public async Task Each_subscriber_gets_each_event_once()
    {
        await using var first = await SubscribeAsync();
        await using var second = await SubscribeAsync();
        List<string> published = [];
        for (var i = 0; i < 3; i++) published.Add((string)(await ChangeAsync("publishReview", At(await CreateAsync())))["id"]!);

        foreach (var probe in new[] { first, second })
        {
            List<string> received = [];
            for (var i = 0; i < 3; i++) received.Add((string)(await probe.NextAsync())["reviewPublished"]!["id"]!);
            Assert.Equal(published, received);
        }
        await first.AssertNothingBeforeAsync(Api.Services.AnnounceReviewAsync, Markers.Review);
        await second.AssertNothingBeforeAsync(() => Task.CompletedTask, Markers.Review);
    }

    [Fact]
    public async Task A_filter_id_of_the_wrong_type_is_refused()
    {
        var personId = GlobalId.Encode("Person", DemoIds.For("film", "carol"));
        var result = await SubscriptionProbe.RefusedAsync(Api.Services, $$"""subscription { reviewPublished(where: { filmId: "{{personId}}" }) { id } }""");
        Assert.NotNull(result["errors"]);
    }

    private async Task<SubscriptionProbe> SubscribeAsync(object? where = null)
    {
        await Api.Services.GetRequiredService<PostgresListener>().Listening;
        return await SubscriptionProbe.StartAsync(Api.Services, Subscription, new { where });
    }
}
