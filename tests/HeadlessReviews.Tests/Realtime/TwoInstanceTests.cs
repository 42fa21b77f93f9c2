using System.Globalization;
using System.Text.RegularExpressions;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Realtime;

/// <summary>Two instances of the service on one database: events cross between them, and survive a lost listener.</summary>
public sealed partial class TwoInstanceTests(ApiFactory api) : ReviewEditingTest(api)
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
        await probe.AssertNothingBeforeAsync(Api.Services.AnnounceReviewAsync, Markers.Review);
    }

    [Fact]
    public async Task A_dropped_listener_connection_is_re_established_and_the_gap_logged()
    {
        await using var other = new SecondInstance(Api);
        var listener = other.Services.GetRequiredService<PostgresListener>();
        await listener.Listening;
        await using var probe = await SubscriptionProbe.StartAsync(other.Services, Subscription);

        var cutFrom = DateTimeOffset.UtcNow;
        await TerminateListenersAsync();
        var cutBy = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(() => listener.Reconnections > 0, TimeSpan.FromSeconds(15), "the listener did not reconnect");
        Assert.Equal(1, listener.Reconnections);
        await listener.Listening;
        await Api.Services.GetRequiredService<PostgresListener>().Listening;

        // The log names the gap, from the last moment the listener was known to be listening to when
        // it listened again, and how long that was: a window that covers the cut.
        var gap = GapLine().Match(Assert.Single(other.Logs.Lines, line => GapLine().IsMatch(line)));
        var (seconds, lostAt, backAt) = (double.Parse(gap.Groups["seconds"].Value, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(gap.Groups["from"].Value, CultureInfo.InvariantCulture), DateTimeOffset.Parse(gap.Groups["to"].Value, CultureInfo.InvariantCulture));
        Assert.True(lostAt <= cutBy && backAt >= cutFrom && backAt <= DateTimeOffset.UtcNow, $"{lostAt:O}–{backAt:O} does not cover the cut at {cutFrom:O}–{cutBy:O}");
        Assert.Equal((backAt - lostAt).TotalSeconds, seconds, 0.051);

        var draft = await CreateAsync();
        await ChangeAsync("publishReview", At(draft));
        Assert.Equal((string)draft["id"]!, (string?)(await probe.NextAsync())["reviewPublished"]!["id"]);
    }

    [GeneratedRegex(@"events committed in the (?<seconds>\d+\.\d) s between (?<from>\S+) and (?<to>\S+) may not have been delivered")]
    private static partial Regex GapLine();

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
