using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Storage;

/// <summary>Start-up against the database: schema handling per environment, and waiting for PostgreSQL.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Production_refuses_to_start_on_a_schema_mismatch_until_told_to_apply_it()
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        try
        {
            using (var refused = new ServiceHost("Production", new Dictionary<string, string?> { ["ConnectionStrings:Reviews"] = database }))
            {
                var error = Assert.ThrowsAny<Exception>(() => refused.CreateClient());
                Assert.Contains("migrate", Flatten(error), StringComparison.Ordinal);
            }

            using (var applying = new ServiceHost("Production", new Dictionary<string, string?>
            {
                ["ConnectionStrings:Reviews"] = database,
                ["HeadlessReviews:Storage:ApplySchemaChanges"] = "true",
            }))
            {
                var response = await applying.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
                Assert.Equal(200, (int)response.StatusCode);
            }

            // Once applied, Production starts without the flag: the schema it finds is the one it needs.
            using var matching = new ServiceHost("Production", new Dictionary<string, string?> { ["ConnectionStrings:Reviews"] = database });
            var ready = await matching.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(200, (int)ready.StatusCode);
        }
        finally
        {
            await ServiceHost.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Service_started_before_PostgreSQL_waits_for_it_and_then_serves()
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        var real = new NpgsqlConnectionStringBuilder(database);
        using var forwarder = new DelayedTcpForwarder(real.Port);
        var viaForwarder = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = forwarder.Port, Timeout = 2 }.ConnectionString;
        try
        {
            using var host = new ServiceHost("Development", new Dictionary<string, string?>
            {
                ["ConnectionStrings:Reviews"] = viaForwarder,
                ["HeadlessReviews:SeedDemoData"] = "true",
            });
            // PostgreSQL "comes up" three seconds after the service starts waiting for it: the delay is the outage under test.
            var opening = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => forwarder.Open(), TaskScheduler.Default);
            var started = DateTime.UtcNow;
            var client = await Task.Run(host.CreateClient);
            await opening;

            Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(3), "The service should have waited for the database.");
            var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative),
                new StringContent("""{"query":"{ film(slug: \"her\") { title } }"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Contains("\"title\":\"Her\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await ServiceHost.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Giving_up_on_the_database_says_which_setting_bounds_the_wait()
    {
        using var closed = new DelayedTcpForwarder(1); // never opened: connections are refused
        using var host = new ServiceHost("Development", new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = $"Host=127.0.0.1;Port={closed.Port};Username=postgres;Password=x;Database=none;Timeout=1",
            ["HeadlessReviews:Storage:StartupWaitSeconds"] = "2",
        });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(host.CreateClient));
        Assert.Contains("StartupWaitSeconds", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? current = error; current is not null; current = current.InnerException) messages.Add(current.Message);
        if (error is AggregateException aggregate) messages.AddRange(aggregate.Flatten().InnerExceptions.Select(Flatten));
        return string.Join(" | ", messages);
    }
}
