using Marten;
using Npgsql;

namespace HeadlessReviews.Api.Storage;

/// <summary><c>dotnet HeadlessReviews.Api.dll migrate</c>: apply the schema changes this version needs, then exit.</summary>
public static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "migrate";

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
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var wait = app.Services.GetRequiredService<DatabaseWait>();
        await wait.WaitAsync(token => store.Storage.Database.AssertConnectivityAsync(token), CancellationToken.None);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // Objects built on document tables (Comments/CommentCountStorage) wait for a pass in which those tables exist.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        app.Logger.LogInformation("Database schema applied");
        return 0;
    }
}
