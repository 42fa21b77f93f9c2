using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Realtime;

/// <summary>Two instances of the service on one database: events cross between them, and survive a lost listener.</summary>
public sealed class TwoInstanceTests(ApiFactory api) : ReviewEditingTest(api)
{
    private const string Subscription = "subscription { reviewPublished { id film { slug } } }";

    [Fact]
    public async Task A_review_published_through_one_instance_reaches_a_subscriber_on_the_other()
    {
        await using var other = new SecondInstance(Api);
        var listener = other.Services.GetRequiredService<PostgresListener>();
        await listener.Listening;
        await using var probe = await SubscriptionProbe.StartAsync(other.Services, Subscription);

        var draft = await CreateAsync();
        await ChangeAsync("publishReview", At(draft));

        Assert.Equal((string)draft["id"]!, (string?)(await probe.NextAsync())["reviewPublished"]!["id"]);
        await probe.AssertNoneAsync();
    }

    [Fact]
    public async Task A_dropped_listener_connection_is_re_established_and_the_gap_logged()
    {
        await using var other = new SecondInstance(Api);
        var listener = other.Services.GetRequiredService<PostgresListener>();
        await listener.Listening;
        await using var probe = await SubscriptionProbe.StartAsync(other.Services, Subscription);

        await TerminateListenersAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (listener.Reconnections == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(1, listener.Reconnections);
        await listener.Listening;
        await Api.Services.GetRequiredService<PostgresListener>().Listening;
        Assert.Contains(other.Logs.Lines, line => line.Contains("may not have been delivered", StringComparison.Ordinal));

        var draft = await CreateAsync();
        await ChangeAsync("publishReview", At(draft));
        Assert.Equal((string)draft["id"]!, (string?)(await probe.NextAsync())["reviewPublished"]!["id"]);
    }

    /// <summary>Ends every listener connection on the test database, as a failover or a network cut would.</summary>
    private async Task TerminateListenersAsync()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and application_name = $1", connection);
        terminate.Parameters.AddWithValue(PostgresListener.ApplicationName);
        Assert.True((long)(await terminate.ExecuteScalarAsync())! >= 2);
    }
}
