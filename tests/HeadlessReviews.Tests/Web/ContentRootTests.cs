using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Web;

/// <summary>
/// Started from a folder other than its own (<c>dotnet run --project</c> from the repo root, a container's
/// entry point, <c>dotnet path/to/HeadlessReviews.Api.dll</c>), the service still reads the
/// appsettings.json that sits beside its assembly.
/// </summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Started_from_another_folder_the_content_root_is_the_service_folder()
    {
        var elsewhere = Directory.CreateTempSubdirectory("hr-content-root-");
        try
        {
            await using var service = await ServiceProcess.StartAsync(workingDirectory: elsewhere.FullName);

            var expected = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            Assert.True(
                await service.WaitForOutputAsync("Content root path: " + expected, TimeSpan.FromSeconds(10)),
                $"expected the content root {expected}:\n{string.Join('\n', service.Output)}");
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_explicit_content_root_still_wins()
    {
        var elsewhere = Directory.CreateTempSubdirectory("hr-content-root-");
        try
        {
            await using var service = await ServiceProcess.StartAsync(
                new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = elsewhere.FullName }, elsewhere.FullName);

            Assert.True(
                await service.WaitForOutputAsync("Content root path: " + elsewhere.FullName, TimeSpan.FromSeconds(10)),
                string.Join('\n', service.Output));
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }
}
