using System.Text.Json.Nodes;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Execution;

/// <summary>
/// Every event of a long-lived subscription is resolved from the database as it is then, not from what
/// an earlier event loaded: a film renamed between two events shows its new title in the second, over
/// both transports, and the subscriber's identity still holds in every event.
/// </summary>
public sealed class SubscriptionEventFreshnessTests(ApiFactory api) : ReviewEditingTest(api)
{
    [Fact]
    public async Task Over_WebSocket_a_later_event_shows_the_film_as_edited_since_the_first()
    {
        using var socket = await GraphQLSocket.InitialisedAsync(Api.Server, new { token = Editor });
        await AssertEachEventIsFreshAsync(filmId => socket.SubscribeAsync("live", Subscription(filmId)), async () =>
        {
            var message = await socket.ReceiveAsync();
            Assert.Equal("next", (string?)message["type"]);
            return message["payload"]!;
        });
    }

    [Fact]
    public async Task Over_SSE_a_later_event_shows_the_film_as_edited_since_the_first()
    {
        SseStream? stream = null;
        try
        {
            await AssertEachEventIsFreshAsync(async filmId => stream = await SseStream.OpenAsync(Api.CreateClient(), Subscription(filmId), token: Editor), async () =>
            {
                var (name, data) = await stream!.ReadEventAsync();
                Assert.Equal("next", name);
                return JsonNode.Parse(data)!;
            });
        }
        finally { stream?.Dispose(); }
    }

    // `status` is for editors only, so it also shows whose identity each event was resolved with.
    private static string Subscription(string filmId) =>
        $$"""subscription { reviewPublished(where: { filmId: "{{filmId}}" }) { id status film { title } } }""";

    private async Task AssertEachEventIsFreshAsync(Func<string, Task> subscribe, Func<Task<JsonNode>> nextResult)
    {
        var before = $"Fresh Film {Guid.NewGuid():N}";
        var film = await CreateFilmAsync(before);
        try
        {
            var first = await CreateAsync(ReviewOf(film));
            var second = await CreateAsync(ReviewOf(film));
            await Api.Services.GetRequiredService<PostgresListener>().Listening;
            var feed = Api.Services.ReviewFeed();
            var listening = feed.SubscriberCount + 1;
            await subscribe((string)film["id"]!);
            await feed.HasSubscribersAsync(listening); // the subscription starts listening just after the request is accepted

            await ChangeAsync("publishReview", At(first));
            AssertEvent(await nextResult(), first, before);

            var after = await RenameFilmAsync(film, $"Renamed {before}");
            await ChangeAsync("publishReview", At(second));
            AssertEvent(await nextResult(), second, after);
        }
        finally { await DeleteFilmAsync(film); }
    }

    private static void AssertEvent(JsonNode result, JsonNode review, string title)
    {
        Assert.True(result["errors"] is null, result.ToJsonString());
        var published = result["data"]!["reviewPublished"]!;
        Assert.Equal((string)review["id"]!, (string?)published["id"]);
        Assert.Equal(title, (string?)published["film"]!["title"]);
        Assert.Equal("PUBLISHED", (string?)published["status"]);
    }

    private static Dictionary<string, object?> ReviewOf(JsonNode film)
    {
        var input = NewReview();
        input["filmId"] = (string)film["id"]!;
        return input;
    }

    private async Task<JsonNode> CreateFilmAsync(string title)
    {
        var data = await GraphQL.DataAsync("""
            mutation($input: CreateFilmInput!) { createFilm(input: $input) { film { id version title } errors { code message } } }
            """, new { input = new { title, year = 2021 } }, Editor);
        Assert.Empty(data["createFilm"]!["errors"]!.AsArray());
        return data["createFilm"]!["film"]!;
    }

    private async Task<string> RenameFilmAsync(JsonNode film, string title)
    {
        var data = await GraphQL.DataAsync("""
            mutation($input: UpdateFilmInput!) { updateFilm(input: $input) { film { title } errors { code message } } }
            """, new { input = new { id = (string)film["id"]!, expectedVersion = (int)film["version"]!, title } }, Editor);
        Assert.Empty(data["updateFilm"]!["errors"]!.AsArray());
        return (string)data["updateFilm"]!["film"]!["title"]!;
    }

    private async Task DeleteFilmAsync(JsonNode film)
    {
        var id = GlobalId.DecodeAs((string)film["id"]!, "Film")!.Value;
        await using var session = Api.Store.LightweightSession();
        session.DeleteWhere<Review>(review => review.FilmId == id);
        session.Delete<Film>(id);
        await session.SaveChangesAsync();
    }
}
