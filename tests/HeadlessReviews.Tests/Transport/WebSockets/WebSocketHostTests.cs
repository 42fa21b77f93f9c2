using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.WebSockets;

/// <summary><c>graphql-transport-ws</c> behaviour that needs settings or a lifetime of its own: the init timeout, limits, shutdown.</summary>
public sealed class WebSocketHostTests
{
    [Fact]
    public async Task Without_connection_init_in_time_the_socket_is_closed_with_4408()
    {
        await WithHostAsync(new() { ["HeadlessReviews:WebSockets:ConnectionInitTimeout"] = "00:00:00.300" }, async host =>
        {
            using var socket = await GraphQLSocket.ConnectAsync(host.Server);
            Assert.Equal(4408, await socket.ClosedAsync());
        });
    }

    [Fact]
    public async Task Connections_per_client_address_are_limited()
    {
        await WithHostAsync(new()
        {
            ["HeadlessReviews:WebSockets:MaxConnectionsPerClient"] = "2",
        }, async host =>
        {
            using var first = await GraphQLSocket.InitialisedAsync(host.Server);
            using var second = await GraphQLSocket.InitialisedAsync(host.Server);
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => GraphQLSocket.ConnectAsync(host.Server));
            Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Stopping_the_application_closes_sockets_with_1001()
    {
        await WithHostAsync([], async host =>
        {
            using var socket = await GraphQLSocket.InitialisedAsync(host.Server);
            var closed = socket.ClosedAsync();
            var lifetime = (Microsoft.Extensions.Hosting.IHostApplicationLifetime)host.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime))!;
            lifetime.StopApplication();
            Assert.Equal(1001, await closed);
        });
    }

    private static async Task WithHostAsync(Dictionary<string, string?> settings, Func<ServiceHost, Task> test)
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        try
        {
            settings["ConnectionStrings:Reviews"] = database;
            using var host = new ServiceHost("Development", settings);
            _ = host.Server;
            await test(host);
        }
        finally
        {
            await ServiceHost.DropDatabaseAsync(database);
        }
    }
}
