using HeadlessReviews.Api.Importing.WordPress.Import;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>The service on an empty database of its own (no demo catalogue), with the importer at hand.</summary>
public sealed class ImportHost : IAsyncDisposable
{
    private ImportHost(string database, ServiceHost host)
    {
        Database = database;
        Host = host;
        Client = new GraphQLClient(host.CreateClient());
    }

    public string Database { get; }
    public ServiceHost Host { get; }
    public GraphQLClient Client { get; }

    public static async Task<ImportHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = database,
            ["HeadlessReviews:SeedDemoData"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = new ServiceHost("Development", all);
        _ = host.Services;
        return new ImportHost(database, host);
    }

    public Task<ImportReport> ImportAsync(string path, WordPressImportOptions? options = null) =>
        Host.Services.GetRequiredService<WordPressImporter>().RunAsync(path, options ?? new WordPressImportOptions(), null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await ServiceHost.DropDatabaseAsync(Database);
    }
}
