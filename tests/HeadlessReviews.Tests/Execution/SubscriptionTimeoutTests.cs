using HeadlessReviews.Api.Storage;
using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;
using Npgsql;

namespace HeadlessReviews.Tests.Execution;

/// <summary>
/// A subscription event whose resolution is stuck in the database is answered with a <c>TIMEOUT</c>
/// error after the execution timeout, and the subscription goes on: the next event is answered as usual.
/// </summary>
public sealed class SubscriptionTimeoutTests(ApiFactory api) : ReviewEditingTest(api)
{
    [Fact]
    public async Task An_event_blocked_in_the_database_times_out_and_the_next_event_arrives()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Execution:Timeout", "00:00:01"));
        // The directors are read while the event is resolved; the feed loads only the review and its film.
        await using var probe = await SubscriptionProbe.StartAsync(host.Services, "subscription { reviewPublished { id film { directors { name } } } }");
        var first = await CreateAsync();
        var second = await CreateAsync();

        await using (var locker = new NpgsqlConnection(Api.ConnectionString))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand($"lock table {Tables.People} in access exclusive mode", locker, transaction))
                await lockTable.ExecuteNonQueryAsync();

            await ChangeAsync("publishReview", At(first));

            // Well before the 10 s the probe waits: the event is cut off after 1 s, while the lock is still held.
            var timedOut = await probe.NextResultAsync(TimeSpan.FromSeconds(8));
            Assert.True("TIMEOUT" == (string?)timedOut?["errors"]?[0]?["extensions"]?["code"], timedOut?.ToJsonString());
        }

        await ChangeAsync("publishReview", At(second));
        var next = await probe.NextAsync();
        Assert.Equal((string)second["id"]!, (string?)next["reviewPublished"]!["id"]);
    }
}
