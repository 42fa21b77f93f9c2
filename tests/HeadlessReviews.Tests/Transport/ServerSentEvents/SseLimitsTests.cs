using System.Net;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Transport.ServerSentEvents;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Transport.ServerSentEvents;

/// <summary>Event streams per client address are limited, as WebSockets are: one more is a JSON 429 before any stream.</summary>
public sealed class SseLimitsTests(ApiFactory api) : ApiTest(api)
{
    private const string Subscription = "subscription { reviewPublished { id } }";

    [Fact]
    public async Task Streams_per_client_address_are_limited_and_a_closed_one_frees_its_place()
    {
        await using var second = new SecondInstance(Api);
        await using var host = second.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:ServerSentEvents:MaxConnectionsPerClient", "2"));
        var endpoint = host.Services.GetRequiredService<GraphQLSseEndpoint<HeadlessReviewsSchema>>();
        using var first = await SseStream.OpenAsync(host.CreateClient(), Subscription);
        using var secondStream = await SseStream.OpenAsync(host.CreateClient(), Subscription);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondStream.Response.StatusCode);

        using (var refused = await SseStream.OpenAsync(host.CreateClient(), Subscription))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
            Assert.Equal("application/json", refused.Response.Content.Headers.ContentType?.MediaType);
            var error = JsonNode.Parse(await refused.Response.Content.ReadAsStringAsync())!["errors"]![0]!;
            Assert.Equal("TOO_MANY_CONNECTIONS", (string?)error["extensions"]!["code"]);
            Assert.Contains("2 event streams", (string)error["message"]!, StringComparison.Ordinal);
        }

        first.Dispose();
        await Eventually.TrueAsync(() => endpoint.OpenStreams <= 1, because: "the closed stream was not released");
        using var third = await SseStream.OpenAsync(host.CreateClient(), Subscription);
        Assert.Equal(HttpStatusCode.OK, third.Response.StatusCode);
    }
}
