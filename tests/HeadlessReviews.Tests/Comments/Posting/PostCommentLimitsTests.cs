using System.Net;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Comments.Posting;

/// <summary>
/// The per-client limit on <c>postComment</c>, on hosts of their own (the shared one has it raised):
/// answered as a GraphQL error <c>RATE_LIMITED</c> with <c>extensions.retryAfterSeconds</c> and a
/// <c>Retry-After</c> header (HTTP 200, as for any field error); editors and moderators exempt; the
/// client is the connection's address, or the <c>X-Forwarded-For</c> one when that connection is a
/// configured proxy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PostCommentLimitsTests : IClassFixture<PostCommentLimitsTests.LimitedService>
{
    private const string Proxy = "10.0.0.1";
    private const string SharedAddressHashKey = "limits-test-address-hash-key";
    private readonly LimitedService _service;

    public PostCommentLimitsTests(LimitedService service) => _service = service;

    /// <summary>Three a minute, five an hour, one trusted proxy.</summary>
    public sealed class LimitedService : IAsyncLifetime
    {
        public LimitedHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await LimitedHost.StartAsync(new()
        {
            ["HeadlessReviews:Comments:PostsPerMinute"] = "3",
            ["HeadlessReviews:Comments:PostsPerHour"] = "5",
            ["HeadlessReviews:Http:TrustedProxies"] = Proxy,
            ["HeadlessReviews:Comments:AddressHashKey"] = SharedAddressHashKey,
        });

        public Task DisposeAsync() => Host.StopAsync();
    }

    [Fact]
    public async Task The_fourth_post_in_a_minute_is_refused_with_RATE_LIMITED_and_Retry_After_and_stores_nothing()
    {
        var host = _service.Host;
        for (var i = 0; i < 3; i++) await host.AcceptedAsync(From("192.0.2.10"));
        var before = await host.CountAsync();

        var refused = await host.PostAsync(CommentPosting.ValidInput(), From("192.0.2.10"));

        var seconds = AssertRateLimited(refused);
        Assert.InRange(seconds, 1, 60);
        Assert.Equal(before, await host.CountAsync());
        // Another client is not affected.
        await host.AcceptedAsync(From("192.0.2.11"));
    }

    [Fact]
    public async Task Editors_and_moderators_are_not_limited()
    {
        var host = _service.Host;
        var editor = await host.CreateTokenAsync("EDITOR");
        var moderator = await host.CreateTokenAsync("MODERATOR");

        // More than the hour allows, from one address.
        for (var i = 0; i < 6; i++)
        {
            await host.AcceptedAsync(From("192.0.2.20"), editor);
            await host.AcceptedAsync(From("192.0.2.20"), moderator);
        }

        // Their posts took nothing from the address's allowance for readers.
        for (var i = 0; i < 3; i++) await host.AcceptedAsync(From("192.0.2.20"));
        AssertRateLimited(await host.PostAsync(CommentPosting.ValidInput(), From("192.0.2.20")));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_is_answered_without_counting_against_the_limit()
    {
        var host = _service.Host;
        await host.AcceptedAsync(From("192.0.2.30"));
        await host.AcceptedAsync(From("192.0.2.30"));
        var input = CommentPosting.ValidInput();
        input["clientMutationId"] = "limited-retry";
        var first = await host.AcceptedAsync(From("192.0.2.30"), input: input);

        var retry = await host.AcceptedAsync(From("192.0.2.30"), input: input);

        Assert.Equal((string?)first["comment"]!["id"], (string?)retry["comment"]!["id"]);
        AssertRateLimited(await host.PostAsync(CommentPosting.ValidInput(), From("192.0.2.30")));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_address_is_the_client()
    {
        var host = _service.Host;
        for (var i = 0; i < 3; i++) await host.AcceptedAsync(From(Proxy, forwardedFor: "203.0.113.1"));

        AssertRateLimited(await host.PostAsync(CommentPosting.ValidInput(), From(Proxy, forwardedFor: "203.0.113.1")));
        // The same client reaching us directly is the same client.
        AssertRateLimited(await host.PostAsync(CommentPosting.ValidInput(), From("203.0.113.1")));
        // Other readers behind the same proxy are not held back by it, nor is the proxy itself.
        await host.AcceptedAsync(From(Proxy, forwardedFor: "203.0.113.2"));
        await host.AcceptedAsync(From(Proxy, forwardedFor: "198.51.100.1, 203.0.113.3"));
        await host.AcceptedAsync(From(Proxy));
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_untrusted_address_is_ignored()
    {
        var host = _service.Host;
        // A client that makes up a new forwarded address for each post is still one client.
        for (var i = 0; i < 3; i++) await host.AcceptedAsync(From("198.51.100.7", forwardedFor: $"203.0.113.{50 + i}"));

        AssertRateLimited(await host.PostAsync(CommentPosting.ValidInput(), From("198.51.100.7", forwardedFor: "203.0.113.99")));
        AssertRateLimited(await host.PostAsync(CommentPosting.ValidInput(), From("198.51.100.7", forwardedFor: Proxy)));
        // And the forged address was not charged for it.
        await host.AcceptedAsync(From("203.0.113.50"));
    }

    [Fact]
    public async Task Two_instances_behind_a_load_balancer_share_one_count_per_client()
    {
        // A second instance on the same database, with the same address key, as production runs them.
        await using var second = LimitedHost.Beside(_service.Host, new()
        {
            ["HeadlessReviews:Comments:PostsPerMinute"] = "3",
            ["HeadlessReviews:Comments:PostsPerHour"] = "5",
            ["HeadlessReviews:Comments:AddressHashKey"] = SharedAddressHashKey,
        });
        await _service.Host.AcceptedAsync(From("192.0.2.60"));
        await second.AcceptedAsync(From("192.0.2.60"));
        await _service.Host.AcceptedAsync(From("192.0.2.60"));

        // The fourth post of the minute is refused wherever it lands.
        AssertRateLimited(await second.PostAsync(CommentPosting.ValidInput(), From("192.0.2.60")));
        AssertRateLimited(await _service.Host.PostAsync(CommentPosting.ValidInput(), From("192.0.2.60")));
        await second.AcceptedAsync(From("192.0.2.61"));
    }

    [Fact]
    public async Task Racing_posts_of_one_client_cannot_take_more_than_the_limit()
    {
        var client = From("192.0.2.70");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _service.Host.PostAsync(CommentPosting.ValidInput(), client)));

        Assert.Equal(3, answers.Count(answer => answer.Errors is null));
        Assert.Equal(5, answers.Count(answer => answer.FirstErrorCode == "RATE_LIMITED"));
    }

    [Fact]
    public async Task Retry_After_is_the_time_left_in_the_window_not_its_length()
    {
        await using var host = await LimitedHost.StartAsync(new()
        {
            ["HeadlessReviews:Comments:PostsPerMinute"] = "1",
            ["HeadlessReviews:Comments:PostsPerMinuteWindow"] = "00:00:10",
        });
        await host.AcceptedAsync(From("192.0.2.80"));
        await Task.Delay(TimeSpan.FromSeconds(4)); // part of the window passing is the behaviour under test

        var seconds = AssertRateLimited(await host.PostAsync(CommentPosting.ValidInput(), From("192.0.2.80")));

        // The window opened with the first post, about 4 s ago: about 6 s are left, not 10.
        Assert.InRange(seconds, 5, 7);
    }

    [Fact]
    public async Task After_the_window_passes_posting_works_again_until_the_longer_window_is_full()
    {
        // Windows short enough to wait out: two posts per 2 seconds, four per hour.
        await using var host = await LimitedHost.StartAsync(new()
        {
            ["HeadlessReviews:Comments:PostsPerMinute"] = "2",
            ["HeadlessReviews:Comments:PostsPerMinuteWindow"] = "00:00:02",
            ["HeadlessReviews:Comments:PostsPerHour"] = "4",
        });
        var client = From("192.0.2.40");
        await host.AcceptedAsync(From("192.0.2.41")); // warm up, so the first posts fall in one short window

        var accepted = 0;
        var waitedOut = 0;
        var afterWait = false;
        var hourRetry = 0;
        for (var attempt = 0; attempt < 20 && hourRetry == 0; attempt++)
        {
            var response = await host.PostAsync(CommentPosting.ValidInput(), client);
            if (response.Errors is null)
            {
                Assert.Empty(response.Data!["postComment"]!["errors"]!.AsArray());
                accepted++;
                afterWait = false;
                continue;
            }
            var seconds = AssertRateLimited(response);
            if (seconds > 2)
            {
                hourRetry = seconds;
                break;
            }
            Assert.False(afterWait, "Still limited after the short window passed.");
            waitedOut++;
            afterWait = true;
            await Task.Delay(TimeSpan.FromSeconds(seconds) + TimeSpan.FromMilliseconds(300)); // waits out the Retry-After under test
        }

        Assert.True(waitedOut >= 1, "The short window never filled up.");
        Assert.Equal(4, accepted);
        Assert.InRange(hourRetry, 3, 3600);
        Assert.Equal(1 + 4, await host.CountAsync());
    }

    private static Dictionary<string, string> From(string peer, string? forwardedFor = null)
    {
        var headers = new Dictionary<string, string> { [LimitedHost.PeerHeader] = peer };
        if (forwardedFor is not null) headers["X-Forwarded-For"] = forwardedFor;
        return headers;
    }

    /// <summary>Asserts the post was refused by the rate limit, in the GraphQL error and the header; returns the seconds to wait.</summary>
    private static int AssertRateLimited(GraphQLResponse response)
    {
        Assert.True(response.Errors is not null, $"Expected RATE_LIMITED, got {response.Body}");
        Assert.Equal(200, response.Status);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("RATE_LIMITED", (string?)error["extensions"]!["code"]);
        Assert.Equal(["postComment"], error["path"]!.AsArray().Select(part => (string)part!));
        var seconds = (int)error["extensions"]!["retryAfterSeconds"]!;
        Assert.True(seconds > 0);
        Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.RetryAfter?.Delta);
        Assert.Null(response.Data?["postComment"]);
        return seconds;
    }
}

/// <summary>
/// The service on a database of its own with the demo catalogue and the given comment settings. The
/// test server has no connection address; a header (<see cref="PeerHeader"/>) supplies one, set before
/// anything else runs, as Kestrel would from the socket.
/// </summary>
public sealed class LimitedHost : WebApplicationFactory<Program>
{
    public const string PeerHeader = "X-Test-Peer";

    private readonly string _connectionString;
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    private LimitedHost(string connectionString, Dictionary<string, string?> settings, bool ownsDatabase)
    {
        _connectionString = connectionString;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
    }

    public static async Task<LimitedHost> StartAsync(Dictionary<string, string?> settings)
    {
        var host = new LimitedHost(await ServiceHost.CreateDatabaseAsync(), settings, ownsDatabase: true);
        _ = host.Services; // start now: schema and demo catalogue in place
        return host;
    }

    /// <summary>Another instance on <paramref name="first"/>'s database, as a second server behind a load balancer.</summary>
    public static LimitedHost Beside(LimitedHost first, Dictionary<string, string?> settings) =>
        new(first._connectionString, settings, ownsDatabase: false);

    public string ConnectionString => _connectionString;

    public string DatabaseName => new Npgsql.NpgsqlConnectionStringBuilder(_connectionString).Database!;

    public Task StopAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await ServiceHost.DropDatabaseAsync(_connectionString);
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Reviews", _connectionString);
        builder.UseSetting("HeadlessReviews:SeedDemoData", "true");
        builder.UseSetting("HeadlessReviews:AdminToken", ApiFactory.AdminToken);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (context.Request.Headers[PeerHeader].FirstOrDefault() is { } peer)
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return then(context);
            });
            next(app);
        };
    }

    public Task<GraphQLResponse> PostAsync(Dictionary<string, object?> input, Dictionary<string, string> headers, string? token = null) =>
        CommentPosting.PostAsync(CreateClient(), input, token, headers);

    /// <summary>Posts (a new valid comment unless given one) and asserts it was accepted.</summary>
    public async Task<JsonNode> AcceptedAsync(Dictionary<string, string> headers, string? token = null, Dictionary<string, object?>? input = null)
    {
        var response = await PostAsync(input ?? CommentPosting.ValidInput(), headers, token);
        Assert.True(response.Errors is null, $"Unexpected errors: {response.Body}");
        var payload = response.Data!["postComment"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.NotNull(payload["comment"]);
        return payload;
    }

    public async Task<string> CreateTokenAsync(string role)
    {
        var data = await new GraphQLClient(CreateClient()).DataAsync("""
            mutation Create($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret errors { code } } }
            """, new { input = new { name = $"Limits {role} {Guid.NewGuid():N}", roles = new[] { role } } }, ApiFactory.AdminToken);
        Assert.Empty(data["createApiToken"]!["errors"]!.AsArray());
        return (string)data["createApiToken"]!["secret"]!;
    }

    /// <summary>How many comments the tests stored on this host.</summary>
    public async Task<int> CountAsync()
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<Comment>().Where(c => c.AuthorEmail.EndsWith("@" + CommentPosting.EmailDomain)).CountAsync();
    }
}
