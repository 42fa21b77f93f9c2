using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// The service on a real Kestrel socket (the in-process TestServer enforces no request-line or header
/// limits, and its WebSockets have no TCP under them), with the demo catalogue in a database of its own
/// and every line it logs, at any level, kept in <see cref="Logs"/>. One per test class (a class fixture).
/// </summary>
public sealed class KestrelInstance : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly int _port = LoopbackPort.Free();
    private string? _database;

    public LogCollector Logs { get; } = new();

    public Uri BaseAddress => new($"http://localhost:{_port}");

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public async Task InitializeAsync()
    {
        _database = await ServiceHost.CreateDatabaseAsync();
        UseKestrel(_port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Reviews", _database);
        builder.UseSetting("HeadlessReviews:SeedDemoData", "true");
        builder.UseSetting("HeadlessReviews:AdminToken", ApiFactory.AdminToken);
        builder.UseSetting("HeadlessReviews:Comments:PostsPerMinute", "10000");
        builder.UseSetting("HeadlessReviews:Comments:PostsPerHour", "100000");
        // A filter for this provider alone outranks appsettings' levels: it sees everything.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCollector>(null, LogLevel.Trace));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await ServiceHost.DropDatabaseAsync(_database);
    }
}
