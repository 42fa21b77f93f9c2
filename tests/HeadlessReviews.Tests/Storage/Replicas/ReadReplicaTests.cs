using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Storage.Replicas;

/// <summary>
/// With <c>ConnectionStrings:ReviewsReadOnly</c> naming a real streaming standby (then the primary, with
/// <c>Target Session Attributes=prefer-standby</c>): anonymous reads land on the standby, an editor reads
/// their own write at once, a standby that falls behind or stops changes nothing a client sees.
/// </summary>
[Collection(StandbyCollection.Name)]
public sealed class ReadReplicaTests : IClassFixture<ReadReplicaTests.ReplicatedService>
{
    private const string Films = "query ReplicaFilms { films(first: 20) { nodes { id title version } } }";
    private readonly ReplicatedService _service;

    public ReadReplicaTests(ReplicatedService service) => _service = service;

    public sealed class ReplicatedService : IAsyncLifetime
    {
        public StandbyServer Standby { get; private set; } = null!;

        public string Database { get; private set; } = "";

        public ServiceHost Host { get; private set; } = null!;

        public GraphQLClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Standby = await StandbyServer.StartAsync();
            Database = await ServiceHost.CreateDatabaseAsync();
            var primary = new NpgsqlConnectionStringBuilder(Database);
            var readOnly = new NpgsqlConnectionStringBuilder(Database)
            {
                Host = $"127.0.0.1:{Standby.Port},{primary.Host}:{primary.Port}",
                TargetSessionAttributes = "prefer-standby",
                // A standby back from a stop is tried again after a second, not Npgsql's default ten.
                HostRecheckSeconds = 1,
            };
            Host = new ServiceHost("Development", new Dictionary<string, string?>
            {
                ["ConnectionStrings:Reviews"] = Database,
                ["ConnectionStrings:ReviewsReadOnly"] = readOnly.ConnectionString,
                ["HeadlessReviews:SeedDemoData"] = "true",
                ["HeadlessReviews:AdminToken"] = ApiFactory.AdminToken,
                ["HeadlessReviews:ResponseCache:Enabled"] = "false",
                ["HeadlessReviews:Replicas:MaxLag"] = "00:00:01",
                ["HeadlessReviews:Replicas:CheckInterval"] = "00:00:00.200",
            });
            Client = new GraphQLClient(Host.CreateClient());
            // The demo catalogue is on the standby and it is measured fresh: reads may go there.
            await Eventually.TrueAsync(async () => (await PrometheusScrape.FromAsync(Client.Http)).Sum("headlessreviews_replica_reachable", ("host", $"127.0.0.1:{Standby.Port}")) == 1,
                TimeSpan.FromSeconds(30), "the standby was not measured");
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Standby.DisposeAsync();
            await ServiceHost.DropDatabaseAsync(Database);
        }
    }

    /// <summary>The service's connections to the standby's copy of the database, other than its lag checks.</summary>
    private async Task<long> ReadersOnStandbyAsync() => (long)(await _service.Standby.ScalarAsync("postgres",
        $"select count(*) from pg_stat_activity where datname = '{new NpgsqlConnectionStringBuilder(_service.Database).Database}' and application_name <> 'headless-reviews-replica-check'"))!;

    private async Task<long> StandbyCommitsAsync() => (long)(await _service.Standby.ScalarAsync("postgres",
        $"select xact_commit from pg_stat_database where datname = '{new NpgsqlConnectionStringBuilder(_service.Database).Database}'"))!;

    private async Task<double> StandbySessionsAsync() =>
        (await PrometheusScrape.FromAsync(_service.Client.Http)).Sum("headlessreviews_replica_sessions_total", ("target", "read_only"));

    /// <summary>Waits until the standby is fresh again and this instance heard of no change for a while.</summary>
    private async Task StandbyServesAsync()
    {
        var before = await StandbySessionsAsync();
        await Eventually.TrueAsync(async () =>
        {
            await _service.Client.DataAsync(Films);
            return await StandbySessionsAsync() > before;
        }, TimeSpan.FromSeconds(30), "anonymous reads did not go back to the standby");
    }

    [Fact]
    public async Task Anonymous_reads_land_on_the_standby()
    {
        await StandbyServesAsync();
        await Eventually.TrueAsync(async () =>
        {
            await _service.Client.DataAsync(Films);
            return await ReadersOnStandbyAsync() >= 1;
        }, TimeSpan.FromSeconds(20), "the service holds no connection to the standby");
        var commits = await StandbyCommitsAsync();

        for (var i = 0; i < 30; i++) Assert.NotEmpty((await _service.Client.DataAsync(Films))["films"]!["nodes"]!.AsArray());

        // PostgreSQL publishes a backend's counts when it goes idle, within seconds.
        await Eventually.TrueAsync(async () => await StandbyCommitsAsync() >= commits + 30, TimeSpan.FromSeconds(20), "the standby did not run the reads");
        var scrape = await PrometheusScrape.FromAsync(_service.Client.Http);
        Assert.True(scrape.Has("headlessreviews_replica_lag_seconds"), scrape.Text);
    }

    [Fact]
    public async Task An_editor_reads_their_own_write_at_once_and_readers_see_it_while_the_standby_is_behind()
    {
        await StandbyServesAsync();
        var film = (await _service.Client.DataAsync("query { film(slug: \"her\") { id title version } }", token: ApiFactory.AdminToken))["film"]!;
        var title = $"Her ({Guid.NewGuid():N})";
        // The standby receives the change but does not apply it: it falls behind.
        await _service.Standby.ScalarAsync("postgres", "select pg_wal_replay_pause()");
        try
        {
            var renamed = await _service.Client.DataAsync(
                "mutation($input: UpdateFilmInput!) { updateFilm(input: $input) { film { title version } errors { code } } }",
                new { input = new { id = (string)film["id"]!, expectedVersion = (int)film["version"]!, title } }, ApiFactory.AdminToken);
            Assert.Empty(renamed["updateFilm"]!["errors"]!.AsArray());
            var version = (int)renamed["updateFilm"]!["film"]!["version"]!;

            // The editor's next read, with the token, shows the write and its version (expectedVersion depends on it)…
            var mine = (await _service.Client.DataAsync("query { film(slug: \"her\") { title version } }", token: ApiFactory.AdminToken))["film"]!;
            Assert.Equal(title, (string)mine["title"]!);
            Assert.Equal(version, (int)mine["version"]!);
            // Readers may see the old title for at most MaxLag (one second here): then the standby counts as
            // behind and their reads go to the primary, while it still has the old title.
            var changed = DateTime.UtcNow;
            await Eventually.TrueAsync(async () => (string?)(await _service.Client.DataAsync("query { film(slug: \"her\") { title } }"))["film"]!["title"] == title,
                TimeSpan.FromSeconds(10), "readers did not see the change");
            Assert.True(DateTime.UtcNow - changed < TimeSpan.FromSeconds(3), $"readers saw the change after {(DateTime.UtcNow - changed).TotalSeconds:0.0} s");
            // Operators see the standby fall behind, and the reads go to the primary meanwhile.
            await Eventually.TrueAsync(async () => (await PrometheusScrape.FromAsync(_service.Client.Http))
                .Sum("headlessreviews_replica_lag_seconds", ("host", $"127.0.0.1:{_service.Standby.Port}")) > 1, TimeSpan.FromSeconds(10), "the lag was not shown");
            var lagging = (await PrometheusScrape.FromAsync(_service.Client.Http)).Sum("headlessreviews_replica_sessions_total", ("reason", "lagging"));
            await _service.Client.DataAsync("query { film(slug: \"her\") { title } }");
            Assert.Equal(lagging + 1, (await PrometheusScrape.FromAsync(_service.Client.Http)).Sum("headlessreviews_replica_sessions_total", ("reason", "lagging")));
            for (var i = 0; i < 10; i++)
                Assert.Equal(title, (string)(await _service.Client.DataAsync("query { film(slug: \"her\") { title } }"))["film"]!["title"]!);
            Assert.NotEqual(title, await _service.Standby.ScalarAsync(new NpgsqlConnectionStringBuilder(_service.Database).Database!,
                $"select data->>'Title' from public.mt_doc_film where id = '{GlobalId.DecodeAs((string)film["id"]!, "Film")}'"));
        }
        finally
        {
            await _service.Standby.ScalarAsync("postgres", "select pg_wal_replay_resume()");
        }
        // Once it has caught up, anonymous reads go back to it.
        await StandbyServesAsync();
    }

    [Fact]
    public async Task The_standby_stopped_under_load_changes_nothing_readers_see()
    {
        await StandbyServesAsync();
        var answers = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        async Task ReadAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await _service.Client.PostAsync(Films);
                if (response.Status != 200 || response.Errors is not null || response.Data?["films"]?["nodes"] is not JsonArray { Count: > 0 }) failures.Add(response.Body);
                else answers.Add(response.Body);
            }
        }
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(ReadAsync)).ToArray();
        try
        {
            await Eventually.TrueAsync(() => answers.Count >= 50, TimeSpan.FromSeconds(20), "the readers did not get going");
            var beforeStop = answers.Count;
            await _service.Standby.StopAsync();
            // Reads go on through the loss, its detection and the fall-back to the primary.
            await Eventually.TrueAsync(() => answers.Count >= beforeStop + 200, TimeSpan.FromSeconds(30), "reads did not go on");
            var scrape = await PrometheusScrape.FromAsync(_service.Client.Http);
            Assert.Equal(0, scrape.Sum("headlessreviews_replica_reachable", ("host", $"127.0.0.1:{_service.Standby.Port}")));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers);
            // Back for the other tests, whatever happened here.
            await _service.Standby.StartAgainAsync();
        }
        Assert.True(failures.IsEmpty, $"{failures.Count} of {failures.Count + answers.Count} reads failed, e.g. {failures.FirstOrDefault()}");
        Assert.Single(answers.Distinct());
        await StandbyServesAsync();
    }
}
