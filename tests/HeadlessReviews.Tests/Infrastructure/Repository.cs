namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>The repository the tests were built from, for tests that compare files in it with what the service serves.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HeadlessReviews.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("HeadlessReviews.sln not found above the test binaries.");
    }
}
