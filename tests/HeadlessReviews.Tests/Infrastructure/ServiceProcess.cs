using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// The service as a real process (<c>dotnet HeadlessReviews.Api.dll</c>) on a free loopback port and an
/// empty database of its own, with every line it writes kept: for what the in-process test server
/// cannot show, such as signals and TCP back-pressure.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, int port, string database)
    {
        Process = process;
        Port = port;
        Database = database;
    }

    public Process Process { get; }

    public int Port { get; }

    /// <summary>The connection string of the process's own database.</summary>
    public string Database { get; }

    /// <summary>Everything written to standard output and error so far (the console log).</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>
    /// Starts the service in Development with <paramref name="environment"/> added, and waits until it is ready;
    /// from <paramref name="workingDirectory"/> when given (else the test's own).
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HeadlessReviews.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            Environment = { ["ConnectionStrings__Reviews"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var service = new ServiceProcess(Process.Start(start)!, port, database);
        service.Process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        service.Process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        service.Process.BeginOutputReadLine();
        service.Process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilReadyAsync();
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    /// <summary>True once a line of output contains <paramref name="text"/>; false if none does within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        try
        {
            await Eventually.TrueAsync(() => _output.Any(line => line.Contains(text, StringComparison.Ordinal)), timeout);
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is not null) _output.Enqueue(line);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (Process.HasExited) throw new InvalidOperationException($"The service exited with {Process.ExitCode}:\n{string.Join('\n', Output)}");
            try
            {
                return (await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/health/ready"))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, TimeSpan.FromSeconds(60), "the service did not become ready");
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
        await ServiceHost.DropDatabaseAsync(Database);
    }
}
