using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport;

/// <summary>The real process, stopped the way an orchestrator stops it: SIGTERM.</summary>
public sealed class SigtermTests
{
    [Fact]
    public async Task SIGTERM_closes_sockets_with_1001_and_the_process_exits_cleanly()
    {
        if (!OperatingSystem.IsLinux()) return;
        var database = await ServiceHost.CreateDatabaseAsync();
        var port = FreePort();
        using var service = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HeadlessReviews.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            Environment = { ["ConnectionStrings__Reviews"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            await WaitUntilReadyAsync(port);
            using var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/graphql"), CancellationToken.None);
            await socket.SendAsync("""{"type":"connection_init"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            Assert.Contains("connection_ack", await ReceiveTextAsync(socket), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var buffer = new byte[4096];
            WebSocketReceiveResult result;
            do result = await socket.ReceiveAsync(buffer, timeout.Token);
            while (result.MessageType != WebSocketMessageType.Close);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus); // 1001: go to another instance

            await service.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, service.ExitCode);
        }
        finally
        {
            if (!service.HasExited) service.Kill(entireProcessTree: true);
            await ServiceHost.DropDatabaseAsync(database);
        }
    }

    private static async Task WaitUntilReadyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"))).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
