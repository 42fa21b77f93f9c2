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
        await using var service = await ServiceProcess.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{service.Port}/graphql"), CancellationToken.None);
        await socket.SendAsync("""{"type":"connection_init"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.Contains("connection_ack", await ReceiveTextAsync(socket), StringComparison.Ordinal);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", service.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        do result = await socket.ReceiveAsync(buffer, timeout.Token);
        while (result.MessageType != WebSocketMessageType.Close);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus); // 1001: go to another instance

        await service.Process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, service.Process.ExitCode);
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
