using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// The service in-process over a real PostgreSQL: a database of its own per test run (created here,
/// dropped at the end) on the server named by <c>ConnectionStrings__Reviews</c>, with the demo catalogue.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The bootstrap ADMIN secret the service is started with (<c>HeadlessReviews:AdminToken</c>).</summary>
    public const string AdminToken = "hr_test_admin_0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly string _serverConnection = ServerConnection();
    private readonly string _database = $"hr_test_{Guid.NewGuid():N}";

    public RoundTripCounter RoundTrips { get; } = new();

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_serverConnection) { Database = _database }.ConnectionString;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>
    /// A client of a second server on the same database with the depth, cost, alias and document-size limits lifted,
    /// for tests that walk the whole schema in one request (the limits have tests of their own).
    /// </summary>
    public GraphQLClient CreateUnlimitedClient() => new(_unlimited.Value.CreateClient());

    private readonly Lazy<WebApplicationFactory<Program>> _unlimited;

    public ApiFactory() => _unlimited = new(() => WithWebHostBuilder(builder => builder
        .UseSetting("HeadlessReviews:Execution:MaxDepth", "0")
        .UseSetting("HeadlessReviews:Execution:MaxCost", "0")
        .UseSetting("HeadlessReviews:Execution:MaxAliases", "0")
        .UseSetting("HeadlessReviews:Execution:MaxTokens", "0")
        .UseSetting("HeadlessReviews:Execution:MaxLineLength", "0")
        .UseSetting("HeadlessReviews:Execution:MaxDocumentCharacters", "0")
        .UseSetting("HeadlessReviews:Execution:MaxFieldsPerResponseName", "0")
        .UseSetting("HeadlessReviews:Execution:MaxFragmentMerges", "0")));

    public static string ServerConnection() =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Reviews")
        ?? throw new InvalidOperationException("Set ConnectionStrings__Reviews to a PostgreSQL server (deploy/local/test.sh does it for you).");

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
        // Start the host now, so the schema and the demo catalogue are in place before the first test.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Reviews", ConnectionString);
        builder.UseSetting("HeadlessReviews:SeedDemoData", "true");
        // The shared host posts many comments from one test client: limits are tested on hosts of their own.
        builder.UseSetting("HeadlessReviews:Comments:PostsPerMinute", "10000");
        builder.UseSetting("HeadlessReviews:Comments:PostsPerHour", "100000");
        builder.UseSetting("HeadlessReviews:PersistedDocuments:RegistrationsPerMinute", "100000");
        builder.UseSetting("HeadlessReviews:PersistedDocuments:RegistrationsPerHour", "1000000");
        builder.UseSetting("HeadlessReviews:AdminToken", AdminToken);
        // Tests read right after their own changes; the response cache has tests of its own (ResponseCacheTests).
        builder.UseSetting("HeadlessReviews:ResponseCache:Enabled", "false");
        // Its background reads would land in the round-trip counts; WarmupTests turn it on.
        builder.UseSetting("HeadlessReviews:Warmup:Enabled", "false");
        builder.ConfigureServices(services => services.ConfigureMarten(options => options.Logger(RoundTrips)));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{_database}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
