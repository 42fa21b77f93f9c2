using HeadlessReviews.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HeadlessReviews.Tests.Storage;

/// <summary>
/// PostgreSQL going away under a running service (its connections cut, new ones refused) and coming
/// back: clear SERVICE_UNAVAILABLE answers, readiness false, one warning, nothing acknowledged that was
/// not stored, and recovery without a restart. (deploy/local/fault-test.sh does the same with a real
/// PostgreSQL stopped under load.)
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Post = """
        mutation Post($input: PostCommentInput!) {
          postComment(input: $input) { clientMutationId status comment { id } errors { code message } }
        }
        """;

    [Fact]
    public async Task While_PostgreSQL_is_away_requests_say_SERVICE_UNAVAILABLE_and_the_service_recovers_by_itself()
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        var real = new NpgsqlConnectionStringBuilder(database);
        using var forwarder = new DelayedTcpForwarder(real.Port);
        forwarder.Open();
        var logs = new LogCollector();
        try
        {
            using var host = new LoggedServiceHost(new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = forwarder.Port }.ConnectionString, logs);
            var client = new GraphQLClient(host.CreateClient());
            var reviewId = (string)(await client.DataAsync("""{ review(slug: "her") { id } }"""))["review"]!["id"]!;
            var editor = (string)(await client.DataAsync("""mutation { createApiToken(input: { name: "outage", roles: [EDITOR] }) { secret } }""",
                token: LoggedServiceHost.AdminToken))["createApiToken"]!["secret"]!;
            var input = new { clientMutationId = $"outage-{Guid.NewGuid():N}", reviewId, authorName = "Sam", authorEmail = "sam@example.org", body = $"Seen during an outage {Guid.NewGuid():N}" };

            forwarder.Cut();

            var read = await client.PostAsync("{ reviews(first: 2) { nodes { headline } } }");
            Assert.Equal(200, read.Status); // executed, with a field error: 200 as the spec has it
            Assert.Equal("SERVICE_UNAVAILABLE", read.FirstErrorCode);
            Assert.True(read.Headers.RetryAfter is not null, "a Retry-After header");

            // The stored token cannot be looked up: nothing runs at all, 503.
            var asEditor = await client.PostAsync("{ reviews(first: 2) { nodes { headline } } }", token: editor);
            Assert.Equal(503, asEditor.Status);
            Assert.Equal("SERVICE_UNAVAILABLE", asEditor.FirstErrorCode);
            Assert.True(asEditor.Headers.RetryAfter is not null, "a Retry-After header");

            var posted = await client.PostAsync(Post, new { input });
            Assert.Equal("SERVICE_UNAVAILABLE", posted.FirstErrorCode);
            Assert.Null(posted.Data?["postComment"]); // never acknowledged

            Assert.Equal(503, (int)(await client.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            Assert.Equal(200, (int)(await client.Http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);

            forwarder.Open();

            // Back by itself: readiness returns and the same post, retried with its clientMutationId, is stored once.
            await Eventually.TrueAsync(async () => (int)(await client.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == 200,
                TimeSpan.FromSeconds(30), "the service did not recover");
            var first = (await client.DataAsync(Post, new { input }))["postComment"]!;
            var again = (await client.DataAsync(Post, new { input }))["postComment"]!;
            Assert.Equal((string)first["comment"]!["id"]!, (string)again["comment"]!["id"]!);
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand("select count(*) from public.mt_doc_comment where data->>'Body' = $1", connection) { Parameters = { new() { Value = input.body } } };
                Assert.Equal(1L, await count.ExecuteScalarAsync());
            }

            var lines = logs.Lines;
            Assert.Single(lines, line => line.Contains("PostgreSQL is unreachable", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal));
        }
        finally
        {
            await ServiceHost.DropDatabaseAsync(database);
        }
    }

    /// <summary>A Development instance with the demo catalogue, its log kept.</summary>
    private sealed class LoggedServiceHost(string connectionString, LogCollector logs) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        public const string AdminToken = "outage_test_admin_token_0123456789";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Reviews", connectionString);
            builder.UseSetting("HeadlessReviews:SeedDemoData", "true");
            builder.UseSetting("HeadlessReviews:AdminToken", AdminToken);
            builder.ConfigureLogging(logging => logging.AddProvider(logs)); // with the service's own filters
        }
    }
}
