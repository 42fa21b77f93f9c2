using Marten;
using Npgsql;

namespace HeadlessReviews.Api.Storage;

/// <summary><c>dotnet HeadlessReviews.Api.dll migrate</c>: apply the schema changes this version needs, then exit.</summary>
public static class MigrateCommand
{

    /// <summary>
    /// No statement or command timeout while migrating: back-filling a new column or index over a
    /// loaded table (the search vectors at M take longer than the 15 s safety net) is expected to take a while.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration[$"{StorageSettings.Section}:{nameof(StorageSettings.StatementTimeout)}"] = "00:00:00";
        var connectionString = builder.Configuration.GetConnectionString("Reviews");
        if (!string.IsNullOrWhiteSpace(connectionString))
            builder.Configuration["ConnectionStrings:Reviews"] = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
    }

    public static async Task<int> RunAsync(WebApplication app)
    {
        await ApplySchemaAsync(app.Services, CancellationToken.None);
        app.Logger.LogInformation("Database schema applied");
        return 0;
    }

    /// <summary>Waits for the database, then applies the schema changes this version needs (the importer runs this too).</summary>
    public static async Task ApplySchemaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var wait = services.GetRequiredService<DatabaseWait>();
        await wait.WaitAsync(token => store.Storage.Database.AssertConnectivityAsync(token), cancellationToken);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // Objects built on document tables (Comments/CommentCountStorage) wait for a pass in which those tables exist.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }
}
