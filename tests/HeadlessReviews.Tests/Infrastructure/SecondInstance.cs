using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// Another instance of the service on the shared test database, as a second server behind a load
/// balancer would be, with every line it logs (at any level) kept in <see cref="Logs"/>.
/// </summary>
public sealed class SecondInstance(ApiFactory api) : WebApplicationFactory<Program>
{
    public LogCollector Logs { get; } = new();

    public GraphQLClient CreateGraphQLClient() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Reviews", api.ConnectionString);
        builder.UseSetting("HeadlessReviews:AdminToken", ApiFactory.AdminToken);
        // Tests read right after their own changes; the response cache has tests of its own (ResponseCacheTests).
        builder.UseSetting("HeadlessReviews:ResponseCache:Enabled", "false");
        // Its background reads would land in the round-trip counts; WarmupTests turn it on.
        builder.UseSetting("HeadlessReviews:Warmup:Enabled", "false");
        // A filter for this provider alone outranks appsettings' levels: it sees everything.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCollector>(null, LogLevel.Trace));
    }
}
