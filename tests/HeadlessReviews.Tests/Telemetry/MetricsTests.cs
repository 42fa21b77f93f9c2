using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Tests.Comments.Posting;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Telemetry;

/// <summary>
/// What the service counts reaches <c>/metrics</c>: each counter moves after the action it counts. On
/// a database of its own (so webhook deliveries and the listener are this host's alone), two comment
/// posts a minute per client address, one webhook receiver.
/// </summary>
public sealed class MetricsTests : IClassFixture<MetricsTests.MeteredService>
{
    private readonly MeteredService _service;

    public MetricsTests(MeteredService service) => _service = service;

    public sealed class MeteredService : IAsyncLifetime
    {
        /// <summary>Unique per run: the counters are the process's, shared with other tests' hosts.</summary>
        public string Endpoint { get; } = $"metrics-{Guid.NewGuid():N}";

        public WebhookReceiver Receiver { get; } = new();

        public LimitedHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await LimitedHost.StartAsync(new()
        {
            ["HeadlessReviews:Comments:PostsPerMinute"] = "2",
            ["HeadlessReviews:Comments:FirstTimeHam"] = "Approved",
            ["HeadlessReviews:Webhooks:Endpoints:0:Name"] = Endpoint,
            ["HeadlessReviews:Webhooks:Endpoints:0:Url"] = Receiver.Url,
            ["HeadlessReviews:Webhooks:Endpoints:0:Secret"] = "metrics-test-secret-0123456789",
            ["HeadlessReviews:Webhooks:RetryBaseDelay"] = "00:00:00.100",
            ["HeadlessReviews:Webhooks:PollInterval"] = "00:00:00.100",
        });

        public async Task DisposeAsync()
        {
            await Host.StopAsync();
            Receiver.Dispose();
        }
    }

    private Task<PrometheusScrape> ScrapeAsync() => PrometheusScrape.FromAsync(_service.Host.CreateClient());

    private static Dictionary<string, string> From(string peer) => new() { [LimitedHost.PeerHeader] = peer };

    /// <summary>Waits until <paramref name="read"/> of a fresh scrape satisfies <paramref name="holds"/>.</summary>
    private async Task EventuallyAsync(Func<PrometheusScrape, double> read, Func<double, bool> holds, string what)
    {
        var last = double.NaN;
        await Eventually.TrueAsync(async () => holds(last = read(await ScrapeAsync())), TimeSpan.FromSeconds(15), () => $"{what}: last seen {last}");
    }

    [Fact]
    public async Task Spam_verdicts_are_counted_by_verdict()
    {
        const string Verdicts = "headlessreviews_comments_spam_verdicts_total";
        var before = await ScrapeAsync();
        var spam = CommentPosting.ValidInput();
        spam["honeypot"] = "I am a bot";

        await _service.Host.AcceptedAsync(From("192.0.2.101"), input: spam);
        await _service.Host.AcceptedAsync(From("192.0.2.102"));

        var after = await ScrapeAsync();
        Assert.True(after.Sum(Verdicts, ("verdict", "spam")) >= before.Sum(Verdicts, ("verdict", "spam")) + 1, after.Text);
        Assert.True(after.Sum(Verdicts, ("verdict", "ham")) >= before.Sum(Verdicts, ("verdict", "ham")) + 1, after.Text);
    }

    [Fact]
    public async Task Rate_limit_refusals_are_counted_by_scope()
    {
        const string Refusals = "headlessreviews_rate_limit_refusals_total";
        var before = (await ScrapeAsync()).Sum(Refusals, ("scope", "comment-posts"));
        var reader = From("192.0.2.110");

        for (var i = 0; i < 2; i++) await _service.Host.AcceptedAsync(reader);
        var refused = await _service.Host.PostAsync(CommentPosting.ValidInput(), reader);
        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode ?? (string?)refused.Data?["postComment"]?["errors"]?[0]?["code"]);

        Assert.True((await ScrapeAsync()).Sum(Refusals, ("scope", "comment-posts")) >= before + 1);
    }

    [Fact]
    public async Task Webhook_deliveries_and_failures_are_counted_by_endpoint_and_outcome()
    {
        const string Attempts = "headlessreviews_webhooks_attempts_total";
        var endpoint = ("endpoint", _service.Endpoint);
        // The demo catalogue's announcements go out at start: deliveries are seen.
        await EventuallyAsync(scrape => scrape.Sum(Attempts, endpoint, ("outcome", "delivered")), seen => seen >= 1, "no delivery counted");
        await Eventually.TrueAsync(async () => await OpenOutboxRowsAsync() == 0, TimeSpan.FromSeconds(30), "the outbox did not drain");

        _service.Receiver.AnswerNext(System.Net.HttpStatusCode.InternalServerError);
        await _service.Host.AcceptedAsync(From("192.0.2.120"));

        await EventuallyAsync(scrape => scrape.Sum(Attempts, endpoint, ("outcome", "failed")), seen => seen >= 1, "no failure counted");
    }

    [Fact]
    public async Task Open_sockets_streams_and_subscriptions_are_gauged_and_events_measured_for_lag()
    {
        const string Connections = "headlessreviews_live_connections";
        const string Subscriptions = "headlessreviews_subscriptions_active";
        const string Lag = "headlessreviews_realtime_notify_lag_seconds_count";
        var before = await ScrapeAsync();
        var review = GlobalId.Encode("Review", DemoIds.For("review", "her"));
        var added = $"subscription {{ commentAdded(reviewId: \"{review}\") {{ id }} }}";

        using var socket = await GraphQLSocket.InitialisedAsync(_service.Host.Server);
        await socket.SubscribeAsync("1", added);
        using var stream = await SseStream.OpenAsync(_service.Host.CreateClient(), added);

        await EventuallyAsync(scrape => scrape.Sum(Connections, ("transport", "websocket")), open => open >= before.Sum(Connections, ("transport", "websocket")) + 1, "the socket is not gauged");
        await EventuallyAsync(scrape => scrape.Sum(Connections, ("transport", "event-stream")), open => open >= before.Sum(Connections, ("transport", "event-stream")) + 1, "the stream is not gauged");
        await EventuallyAsync(scrape => scrape.Sum(Subscriptions, ("topic", "commentVisible")), open => open >= before.Sum(Subscriptions, ("topic", "commentVisible")) + 2, "the subscriptions are not gauged");

        var lag = (await ScrapeAsync()).Sum(Lag);
        await _service.Host.AcceptedAsync(From("192.0.2.130"));
        Assert.Equal("next", (string)(await socket.ReceiveAsync())["type"]!);
        await EventuallyAsync(scrape => scrape.Sum(Lag), count => count >= lag + 1, "no NOTIFY lag measured");
    }

    [Fact]
    public async Task A_lost_listener_connection_is_counted_as_a_reconnect()
    {
        const string Reconnects = "headlessreviews_realtime_listener_reconnects_total";
        var listener = _service.Host.Services.GetRequiredService<PostgresListener>();
        await listener.Listening;
        var before = (await ScrapeAsync()).Sum(Reconnects);

        await using (var connection = new NpgsqlConnection(ApiFactory.ServerConnection()))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = $2", connection);
            kill.Parameters.Add(new() { Value = PostgresListener.ApplicationName });
            kill.Parameters.Add(new() { Value = _service.Host.DatabaseName });
            await kill.ExecuteNonQueryAsync();
        }

        await EventuallyAsync(scrape => scrape.Sum(Reconnects), count => count >= before + 1, "no reconnect counted");
    }

    private async Task<long> OpenOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_service.Host.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from public.hr_webhook_outbox where delivered_at is null and given_up_at is null", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
