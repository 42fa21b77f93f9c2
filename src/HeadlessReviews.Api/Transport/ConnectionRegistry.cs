using System.Collections.Concurrent;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// The long-lived connections of this instance (WebSockets and event streams): counted per kind and
/// client address (for the per-client limits), found by the identity key they act under (so the
/// application can end or update every connection of an identity that changed), and told to go away
/// when the application stops, so clients reconnect to another instance.
/// </summary>
public sealed class ConnectionRegistry : IDisposable
{
    private readonly ConcurrentDictionary<(string Kind, string Client), int> _perClient = new();
    private readonly ConcurrentDictionary<ILiveConnection, byte> _open = new();
    private readonly CancellationTokenRegistration _stopping;
    private volatile bool _isStopping;

    public ConnectionRegistry(IHostApplicationLifetime lifetime) => _stopping = lifetime.ApplicationStopping.Register(CloseAll);

    public int Count => _open.Count;

    /// <summary>The address a connection is counted under (after forwarded headers are applied).</summary>
    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Counts a connection of <paramref name="kind"/> from <paramref name="client"/>, unless it already has <paramref name="limit"/> or the application is stopping.</summary>
    public bool TryAdd(string kind, string client, int limit)
    {
        if (_isStopping) return false;
        var key = (kind, client);
        while (true)
        {
            var current = _perClient.GetOrAdd(key, 0);
            if (current >= limit) return false;
            if (!_perClient.TryUpdate(key, current + 1, current)) continue;
            LiveConnectionMetrics.Open.Add(1, LiveConnectionMetrics.Transport(kind));
            return true;
        }
    }

    public void Remove(string kind, string client)
    {
        var key = (kind, client);
        while (true)
        {
            if (!_perClient.TryGetValue(key, out var current)) return;
            if (!(current <= 1 ? _perClient.TryRemove(new KeyValuePair<(string, string), int>(key, current)) : _perClient.TryUpdate(key, current - 1, current))) continue;
            LiveConnectionMetrics.Open.Add(-1, LiveConnectionMetrics.Transport(kind));
            return;
        }
    }

    public void Track(ILiveConnection connection) => _open[connection] = 0;

    public void Untrack(ILiveConnection connection) => _open.TryRemove(connection, out _);

    /// <summary>The open connections acting under <paramref name="identityKey"/> (see <see cref="IConnectionIdentity.KeyOf"/>).</summary>
    public IReadOnlyList<ILiveConnection> WithIdentity(string identityKey) =>
        [.. _open.Keys.Where(connection => connection.IdentityKey == identityKey)];

    /// <summary>The open connections that act under an identity key at all.</summary>
    public IReadOnlyList<ILiveConnection> Identified() => [.. _open.Keys.Where(connection => connection.IdentityKey is not null)];

    private void CloseAll()
    {
        _isStopping = true;
        foreach (var connection in _open.Keys) _ = connection.GoAwayAsync();
    }

    public void Dispose() => _stopping.Dispose();
}
