using Marten;

namespace HeadlessReviews.Api.Storage;

/// <summary><c>dotnet HeadlessReviews.Api.dll migrate</c>: apply the schema changes this version needs, then exit.</summary>
public static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "migrate";

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
