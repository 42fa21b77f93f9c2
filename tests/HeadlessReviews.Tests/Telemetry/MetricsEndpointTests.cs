using System.Net;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> is on by default in the Prometheus text format with each GraphQL operation counted by
/// type and name; a setting moves it, another switches it off, a third restricts who may scrape.
/// </summary>
public sealed class MetricsEndpointTests(ApiFactory api) : ApiTest(api)
{
    private const string Duration = "graphql_operation_duration_seconds_count";

    [Fact]
    public async Task An_operation_is_counted_by_type_and_name_and_the_pool_is_shown()
    {
        var name = $"Counted_{Guid.NewGuid():N}";
        var before = await PrometheusScrape.FromAsync(GraphQL.Http);
        Assert.Equal(0, before.Sum(Duration, ("graphql_operation_name", name)));

        await GraphQL.DataAsync($"query {name} {{ film(slug: \"her\") {{ title }} }}");
        await GraphQL.DataAsync($"query {name} {{ film(slug: \"her\") {{ title }} }}");

        var after = await PrometheusScrape.FromAsync(GraphQL.Http);
        Assert.Equal(2, after.Sum(Duration, ("graphql_operation_name", name), ("graphql_operation_type", "query"), ("error_type", "")));
        // Buckets in seconds from a millisecond up, so a fast operation does not share one bucket with a slow one.
        Assert.Equal(2, after.Sum("graphql_operation_duration_seconds_bucket", ("graphql_operation_name", name), ("le", "10")));
        Assert.True(after.Has("graphql_operation_duration_seconds_bucket", ("graphql_operation_name", name), ("le", "0.001")), after.Text);
        Assert.True(after.Has("graphql_operation_duration_seconds_bucket", ("graphql_operation_name", name), ("le", "0.25")), after.Text);
        Assert.True(after.Has("db_client_connections_usage"), "Npgsql's pool use is exposed");
    }

    [Fact]
    public async Task Operation_names_beyond_the_limit_are_counted_as_other()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Metrics:MaxOperationNames", "1"));
        var client = new GraphQLClient(host.CreateClient());
        var first = $"First_{Guid.NewGuid():N}";
        var second = $"Second_{Guid.NewGuid():N}";
        var others = (await PrometheusScrape.FromAsync(client.Http)).Sum(Duration, ("graphql_operation_name", "other"));

        await client.DataAsync($"query {first} {{ __typename }}");
        await client.DataAsync($"query {second} {{ __typename }}");

        var scrape = await PrometheusScrape.FromAsync(client.Http);
        Assert.Equal(1, scrape.Sum(Duration, ("graphql_operation_name", first)));
        Assert.Equal(0, scrape.Sum(Duration, ("graphql_operation_name", second)));
        Assert.True(scrape.Sum(Duration, ("graphql_operation_name", "other")) >= others + 1);
    }

    [Fact]
    public async Task The_path_can_be_moved()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Metrics:Path", "/internal/prometheus"));
        var http = host.CreateClient();

        // The service's own instruments are there once the fresh host's listener has reported (it starts in the background).
        var last = "";
        await Eventually.TrueAsync(async () =>
        {
            var scrape = await PrometheusScrape.FromAsync(http, "/internal/prometheus");
            last = scrape.Text;
            return scrape.Has("headlessreviews_realtime_listener_listening");
        }, TimeSpan.FromSeconds(20), () => last);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task It_can_be_switched_off()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Metrics:Enabled", "false"));
        var http = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        // The rest of the service is unaffected.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Allowed_networks_restrict_who_may_scrape()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder
            .UseSetting("HeadlessReviews:Metrics:AllowedNetworks", "10.0.0.0/8, 192.0.2.7")
            .ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>()));
        var http = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await ScrapeFromAsync(http, "10.1.2.3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeFromAsync(http, "192.0.2.7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeFromAsync(http, "192.0.2.8")).StatusCode);
        // The test server's own requests have no address: outside every network.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
    }

    private static async Task<HttpResponseMessage> ScrapeFromAsync(HttpClient http, string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(PeerAddress.Header, peer);
        return await http.SendAsync(request);
    }

    /// <summary>The test server has no connection address; this header gives one, as Kestrel would from the socket.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (context.Request.Headers[Header].FirstOrDefault() is { } peer) context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return then(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task Scraping_is_not_under_the_IDE_page_or_its_policy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }
}
