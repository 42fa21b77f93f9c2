using System.Net;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Transport.ServerSentEvents;
using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Transport.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events (<c>graphql-sse</c>, distinct connections mode) on <c>/graphql</c>:
/// <c>Accept: text/event-stream</c> turns the answer into <c>next</c>/<c>complete</c> events.
/// </summary>
public sealed class SseTransportTests(ApiFactory api) : ReviewEditingTest(api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_query_is_one_next_then_complete()
    {
        using var stream = await SseStream.OpenAsync(Api.CreateClient(), """{ film(slug: "her") { title } }""");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", stream.Response.Content.Headers.ContentType?.CharSet);
        Assert.True(stream.Response.Headers.CacheControl?.NoCache);
        Assert.Equal("no", stream.Response.Headers.GetValues("X-Accel-Buffering").Single());

        var next = await stream.ReadEventAsync();
        Assert.Equal("next", next.Event);
        Assert.Equal("Her", (string)JsonNode.Parse(next.Data)!["data"]!["film"]!["title"]!);
        var complete = await stream.ReadEventAsync();
        Assert.Equal("complete", complete.Event);
        Assert.Equal("", complete.Data);
        Assert.Null(await stream.ReadLineAsync());
    }

    [Fact]
    public async Task A_query_by_GET_is_streamed_too()
    {
        using var stream = await SseStream.OpenAsync(Api.CreateClient(), "{ __typename }", get: true);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("next", (await stream.ReadEventAsync()).Event);
        Assert.Equal("complete", (await stream.ReadEventAsync()).Event);
    }

    [Fact]
    public async Task A_validation_error_arrives_as_next_with_errors_as_the_protocol_requires()
    {
        using var stream = await SseStream.OpenAsync(Api.CreateClient(), "{ noSuchField }");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var next = await stream.ReadEventAsync();
        Assert.Equal("next", next.Event);
        var result = JsonNode.Parse(next.Data)!;
        Assert.Null(result["data"]);
        Assert.NotEmpty(result["errors"]!.AsArray());
        Assert.Equal("complete", (await stream.ReadEventAsync()).Event);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_plain_4xx_JSON_answer_not_a_stream()
    {
        using var stream = await SseStream.OpenAsync(Api.CreateClient(), null, body: "{ not json");
        Assert.Equal(HttpStatusCode.BadRequest, stream.Response.StatusCode);
        Assert.EndsWith("json", stream.Response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await stream.Response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task A_mutation_by_GET_is_still_refused_with_405()
    {
        using var stream = await SseStream.OpenAsync(Api.CreateClient(), "mutation { __typename }", get: true);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, stream.Response.StatusCode);
    }

    [Fact]
    public async Task Plain_HTTP_still_refuses_subscriptions()
    {
        var response = await GraphQL.PostAsync("subscription { reviewPublished { id } }");
        Assert.Equal(400, response.Status);
        Assert.Contains("SUBSCRIPTION_NEEDS_STREAM", response.Body);
    }

    [Fact]
    public async Task A_published_review_arrives_as_next_and_closing_the_request_ends_the_subscription()
    {
        var endpoint = Api.Services.GetRequiredService<GraphQLSseEndpoint<HeadlessReviewsSchema>>();
        var feed = Api.Services.ReviewFeed();
        var before = endpoint.OpenStreams;
        var subscribersBefore = feed.SubscriberCount;
        // A second stream that stays open: it proves a later event went through the pipeline.
        using var witness = await SseStream.OpenAsync(Api.CreateClient(), "subscription { reviewPublished { id } }");
        using (var stream = await SseStream.OpenAsync(Api.CreateClient(), "subscription { reviewPublished { id headline } }"))
        {
            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
            Assert.Equal(before + 2, endpoint.OpenStreams);
            var draft = await CreateAsync();
            await feed.HasSubscribersAsync(subscribersBefore + 2);
            await ChangeAsync("publishReview", At(draft));

            var next = await stream.ReadEventAsync();
            Assert.Equal("next", next.Event);
            Assert.Equal((string)draft["id"]!, (string)JsonNode.Parse(next.Data)!["data"]!["reviewPublished"]!["id"]!);
            Assert.Equal((string)draft["id"]!, IdOf(await witness.ReadEventAsync()));
        }

        // The client closed the request: the server ends the subscription and releases the request.
        await Eventually.TrueAsync(() => endpoint.OpenStreams == before + 1, Patience, "the closed stream was not released");
        await Eventually.TrueAsync(() => feed.SubscriberCount == subscribersBefore + 1, Patience, "the closed stream's subscription still listens");
        var later = await ChangeAsync("publishReview", At(await CreateAsync()));
        Assert.Equal((string)later["id"]!, IdOf(await witness.ReadEventAsync()));
        Assert.Equal(subscribersBefore + 1, feed.SubscriberCount);
    }

    private static string IdOf((string Event, string Data) next) => (string)JsonNode.Parse(next.Data)!["data"]!["reviewPublished"]!["id"]!;

    [Fact]
    public async Task An_idle_stream_gets_keep_alive_comments()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:ServerSentEvents:KeepAliveInterval", "00:00:00.200"));
        using var stream = await SseStream.OpenAsync(host.CreateClient(), "subscription { reviewPublished { id } }");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal(":", await stream.ReadLineAsync());
        Assert.Equal("", await stream.ReadLineAsync());
        Assert.Equal(":", await stream.ReadLineAsync());
    }

    [Fact]
    public async Task A_bearer_token_is_accepted_on_a_stream()
    {
        // The editor's token is honoured on the stream (authentication is ordinary HTTP).
        using var stream = await SseStream.OpenAsync(Api.CreateClient(), "{ __typename }", token: Editor);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("next", (await stream.ReadEventAsync()).Event);
    }
}
