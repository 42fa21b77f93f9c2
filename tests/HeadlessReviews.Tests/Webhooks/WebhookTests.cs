using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Reviews.Editing;
using HeadlessReviews.Api.Reviews.Subscriptions;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Webhooks;

/// <summary>
/// Content changes reach webhook receivers through the outbox: written with the change (nothing for a
/// rollback), signed, retried until taken, each event once however many instances deliver, and only
/// the events an endpoint asked for. On a database of its own with two instances on it.
/// </summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "webhook-test-secret-0123456789";

    private readonly WebhookReceiver _all = new();
    private readonly WebhookReceiver _filmDeletions = new();
    private string _database = "";
    private WebhookHost? _first;
    private WebhookHost? _second;

    public async Task InitializeAsync()
    {
        _database = await ServiceHost.CreateDatabaseAsync();
        _first = new WebhookHost(_database, _all.Url, _filmDeletions.Url);
        _ = _first.Services;
        _second = new WebhookHost(_database, _all.Url, _filmDeletions.Url);
        _ = _second.Services;
        // The demo catalogue was announced when it was loaded; let that backlog go out first, so each
        // test sees its own deliveries (and a scripted failure hits the test's delivery, not the demo's).
        await OutboxDrainedAsync();
    }

    private async Task OutboxDrainedAsync()
    {
        await Eventually.TrueAsync(async () => await OpenOutboxRowsAsync() == 0, TimeSpan.FromSeconds(30), "the webhook outbox did not drain");
    }

    private async Task<long> OpenOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from public.hr_webhook_outbox where delivered_at is null and given_up_at is null", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
        _all.Dispose();
        _filmDeletions.Dispose();
        await ServiceHost.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_published_review_is_announced_signed_with_its_node_and_cache_tags()
    {
        var review = await CreateDraftAsync("Announced review");
        await MutateAsync("publishReview", new { id = (string)review["id"]!, expectedVersion = (int)review["version"]! });

        var delivery = await _all.WaitForAsync(d => d.Body.Contains((string)review["id"]!, StringComparison.Ordinal) && d.Body.Contains("\"PUBLISHED\"", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        Assert.Equal("review.changed", delivery.Event);
        Assert.StartsWith("application/json", delivery.ContentType, StringComparison.Ordinal);
        var body = JsonNode.Parse(delivery.Body)!;
        Assert.Equal(delivery.Id, (string?)body["id"]);
        Assert.Equal("Review", (string?)body["node"]!["__typename"]);
        var hex = GlobalId.DecodeAs((string)review["id"]!, "Review")!.Value.ToString("N");
        Assert.Equal(["review", $"review-{hex}"], body["cacheTags"]!.AsArray().Select(tag => (string)tag!));
        AssertSigned(delivery);
    }

    [Fact]
    public async Task A_change_that_does_not_commit_announces_nothing()
    {
        var review = await CreateDraftAsync("Conflicted review");
        var before = await OutboxCountAsync();

        var stale = await MutateAsync("updateReview", new { id = (string)review["id"]!, expectedVersion = 99, byline = "Never saved" });

        Assert.Equal("VERSION_CONFLICT", (string?)stale["errors"]![0]!["code"]);
        Assert.Equal(before, await OutboxCountAsync());
    }

    [Fact]
    public async Task A_failing_receiver_gets_the_same_delivery_again_until_it_takes_it()
    {
        _all.AnswerNext(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        var review = await CreateDraftAsync("Retried review");

        var delivery = await _all.WaitForAsync(d => d.Body.Contains((string)review["id"]!, StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        var attempts = _all.Attempts.Where(attempt => attempt.Id == delivery.Id).ToList();
        Assert.True(attempts.Count >= 3, $"{attempts.Count} attempts");
        Assert.Single(_all.Deliveries, d => d.Id == delivery.Id);
    }

    [Fact]
    public async Task Two_instances_deliver_every_event_once_and_an_endpoint_gets_only_what_it_asked_for()
    {
        var films = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var created = await MutateAsync("createFilm", new { title = $"Webhook Film {i} {Guid.NewGuid():N}", year = 2001 });
            films.Add((string)created["film"]!["id"]!);
        }
        foreach (var id in films) await MutateAsync("deleteFilm", new { id, expectedVersion = 1 });

        foreach (var id in films)
        {
            await _all.WaitForAsync(d => d.Event == "film.deleted" && d.Body.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            await _filmDeletions.WaitForAsync(d => d.Body.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        }
        // Nothing is left to send once the outbox is drained: a duplicate would have gone out by then.
        await OutboxDrainedAsync();
        Assert.Equal(_all.Deliveries.Count, _all.Deliveries.Select(d => d.Id).Distinct().Count());
        Assert.All(_filmDeletions.Deliveries, d => Assert.Equal("film.deleted", d.Event));
        Assert.Equal(films.Count, _filmDeletions.Deliveries.Count);
    }

    [Fact]
    public async Task A_quiet_caller_edits_through_the_services_without_announcing_anything()
    {
        var services = _first!.Services;
        using var published = services.GetRequiredService<IEventBus>().Subscribe(ReviewPublished.Topic);
        await services.GetRequiredService<PostgresListener>().Listening;
        var before = await OutboxCountAsync();

        var quiet = await CreateAndPublishAsync(services, quiet: true);
        Assert.Equal(before, await OutboxCountAsync());
        var loud = await CreateAndPublishAsync(services, quiet: false);

        // NOTIFY is delivered in commit order: had the quiet publication been announced, it would come first.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(loud, (await published.Reader.ReadAsync(timeout.Token)).Message.GetProperty("reviewId").GetGuid());
        Assert.NotEqual(quiet, loud);
        // The loud one: review.changed for its creation and its publication, to the receiver of everything.
        Assert.Equal(before + 2, await OutboxCountAsync());
    }

    /// <summary>A draft written and published by the editing services themselves, as an importer would, each step in a scope of its own.</summary>
    private static async Task<Guid> CreateAndPublishAsync(IServiceProvider services, bool quiet)
    {
        var created = await InScopeAsync(services, quiet, scope => scope.GetRequiredService<CreateReview>().HandleAsync(new CreateReviewInput
        {
            FilmId = GlobalId.Encode("Film", DemoIds.For("film", "carol")),
            Byline = "Importer",
            Body = "Imported text.",
            Verdict = new VerdictInput { Rating = VerdictRating.Pop, Summary = "Fine." },
        }, CancellationToken.None));
        Assert.True(created.Succeeded);
        var id = created.Document!.Id;
        var publication = await InScopeAsync(services, quiet, scope => scope.GetRequiredService<PublishReview>().HandleAsync(
            new ReviewVersionInput { Id = GlobalId.Encode("Review", id), ExpectedVersion = 1 }, CancellationToken.None));
        Assert.True(publication.Succeeded);
        return id;
    }

    private static async Task<EditResult<Review>> InScopeAsync(IServiceProvider services, bool quiet, Func<IServiceProvider, Task<EditResult<Review>>> edit)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundActor>().ActAs("Importer", Roles.Editor);
        scope.ServiceProvider.GetRequiredService<ChangeAnnouncer>().Quiet = quiet;
        return await edit(scope.ServiceProvider);
    }

    private static void AssertSigned(WebhookReceiver.Delivery delivery)
    {
        var parts = delivery.Signature.Split(',').Select(part => part.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{delivery.Body}")));
        Assert.Equal(expected, parts["v1"]);
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts["t"], System.Globalization.CultureInfo.InvariantCulture)), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    private async Task<JsonNode> CreateDraftAsync(string headline)
    {
        var payload = await MutateAsync("createReview", new
        {
            filmId = GlobalId.Encode("Film", DemoIds.For("film", "carol")),
            headline,
            byline = "Webhook Tests",
            body = "Text.",
            verdict = new { rating = "POP", summary = "Fine." },
        });
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["review"]!;
    }

    private async Task<JsonNode> MutateAsync(string mutation, object input)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var selection = mutation.Contains("Film", StringComparison.Ordinal) ? "film { id version }" : "review { id version status }";
        var data = await new GraphQLClient(_first!.CreateClient()).DataAsync(
            $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {selection} errors {{ code }} }} }}", new { input }, ApiFactory.AdminToken);
        return data[mutation]!;
    }

    private async Task<long> OutboxCountAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from public.hr_webhook_outbox", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>An instance with two webhook endpoints: everything to one receiver, film deletions to another.</summary>
    private sealed class WebhookHost(string database, string everything, string filmDeletions) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Reviews", database);
            builder.UseSetting("HeadlessReviews:SeedDemoData", "true");
            builder.UseSetting("HeadlessReviews:AdminToken", ApiFactory.AdminToken);
            builder.UseSetting("HeadlessReviews:Webhooks:PollInterval", "00:00:00.050");
            builder.UseSetting("HeadlessReviews:Webhooks:RetryBaseDelay", "00:00:00.100");
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:0:Name", "everything");
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:0:Url", everything);
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:0:Secret", Secret);
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:1:Name", "film-deletions");
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:1:Url", filmDeletions);
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:1:Secret", Secret);
            builder.UseSetting("HeadlessReviews:Webhooks:Endpoints:1:Events:0", "film.deleted");
        }
    }
}
