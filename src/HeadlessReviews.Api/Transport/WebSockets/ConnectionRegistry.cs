using System.Collections.Concurrent;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>
/// The open sockets of this instance: counted per client address (for the per-client limit) and
/// closed with 1001 (Going Away) when the application stops, so clients reconnect to another instance.
/// </summary>
public sealed class ConnectionRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _perClient = new();
    private readonly ConcurrentDictionary<SocketOutbox, byte> _open = new();
    private readonly CancellationTokenRegistration _stopping;
    private volatile bool _isStopping;

    public ConnectionRegistry(IHostApplicationLifetime lifetime) => _stopping = lifetime.ApplicationStopping.Register(CloseAll);

    public int Count => _open.Count;

    /// <summary>Counts a connection from <paramref name="client"/>, unless it already has <paramref name="limit"/> or the application is stopping.</summary>
    public bool TryAdd(string client, int limit)
    {
        if (_isStopping) return false;
        while (true)
        {
            var current = _perClient.GetOrAdd(client, 0);
            if (current >= limit) return false;
            if (_perClient.TryUpdate(client, current + 1, current)) return true;
        }
    }

    public void Remove(string client)
    {
        while (true)
        {
            if (!_perClient.TryGetValue(client, out var current)) return;
            if (current <= 1 ? _perClient.TryRemove(new KeyValuePair<string, int>(client, current)) : _perClient.TryUpdate(client, current - 1, current)) return;
        }
    }

    public void Track(SocketOutbox outbox) => _open[outbox] = 0;

    public void Untrack(SocketOutbox outbox) => _open.TryRemove(outbox, out _);

    private void CloseAll()
    {
        _isStopping = true;
        foreach (var outbox in _open.Keys) _ = outbox.CloseAsync(CloseCodes.GoingAway, "Server shutting down");
    }

    public void Dispose() => _stopping.Dispose();
}
