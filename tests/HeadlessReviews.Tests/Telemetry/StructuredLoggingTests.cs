using System.Text.Json;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Telemetry;

/// <summary>
/// In Production the console log is one JSON object per line carrying the request's trace id (the one
/// its <c>traceparent</c> header brought), so a log search finds a request's lines and its trace; in
/// Development it stays the readable text format. The real process, as an operator runs it.
/// </summary>
public sealed class StructuredLoggingTests
{
    [Fact]
    public async Task Production_logs_are_JSON_lines_with_the_requests_trace_id()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["HeadlessReviews__Storage__ApplySchemaChanges"] = "true",
            // The request's own lines ("Request starting…") are below Production's default level for ASP.NET Core.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("traceparent", $"00-{traceId}-0123456789abcdef-01");
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        Assert.True(await service.WaitForOutputAsync(traceId, TimeSpan.FromSeconds(10)), string.Join('\n', service.Output));
        var line = service.Output.First(text => text.Contains(traceId, StringComparison.Ordinal));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", entry.RootElement.GetProperty("Category").GetString());
        Assert.Contains("/health/live", entry.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Contains(entry.RootElement.GetProperty("Scopes").EnumerateArray(),
            scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        // Every line of the start-up is JSON as well, not only the request's.
        Assert.All(service.Output.Where(text => text.Length > 0), text => JsonDocument.Parse(text).Dispose());
    }

    [Fact]
    public async Task Development_logs_stay_readable_text()
    {
        await using var service = await ServiceProcess.StartAsync();

        Assert.True(await service.WaitForOutputAsync("info: ", TimeSpan.FromSeconds(10)), string.Join('\n', service.Output));
        Assert.DoesNotContain(service.Output, text => text.StartsWith('{'));
    }
}
