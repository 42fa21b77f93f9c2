using HeadlessReviews.Api.Storage;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Execution;

/// <summary>An operation stuck in the database is cancelled after the execution timeout, on the server too, with a clear error.</summary>
public sealed class ExecutionTimeoutTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_query_blocked_in_the_database_times_out_and_its_statement_is_cancelled()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Execution:Timeout", "00:00:01"));
        var client = new GraphQLClient(host.CreateClient());
        Assert.True((await client.PostAsync("{ review(slug: \"her\") { headline } }")).Errors is null);

        // Another transaction holds the reviews table, so the service's read waits on the lock.
        await using var locker = new NpgsqlConnection(Api.ConnectionString);
        await locker.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"lock table {Tables.Reviews} in access exclusive mode", locker, transaction))
            await lockTable.ExecuteNonQueryAsync();

        var answer = await client.PostAsync("{ review(slug: \"her\") { headline } }");

        Assert.Equal(200, answer.Status);
        Assert.Equal("TIMEOUT", answer.FirstErrorCode);
        Assert.Contains("did not finish within 1 s", (string?)answer.Errors![0]!["message"], StringComparison.Ordinal);
        // The cancelled statement leaves the server while the lock is still held (it would wait forever otherwise).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long waiting;
        do
        {
            await using var count = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock' and query ilike '%slug%'", locker, transaction);
            waiting = (long)(await count.ExecuteScalarAsync())!;
        }
        while (waiting > 0 && DateTime.UtcNow < deadline);
        Assert.Equal(0, waiting);
    }
}
