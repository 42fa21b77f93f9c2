using System.Collections.Concurrent;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security.Authentication;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>
/// This instance's knowledge of the tokens that long-lived connections act as, for checks too frequent
/// to ask the database each time (every subscription event). An entry is trusted for at most
/// <see cref="LiveConnectionSettings.TokenRecheckInterval"/>, and not at all once an announcement of a change
/// (<see cref="ApiTokenChanged"/>) has arrived: it arrives before any event committed after the change,
/// so such an event is never judged on a state older than the change. Holds neither secrets nor hashes.
/// </summary>
public sealed class ApiTokenStates : IDisposable
{
    // Ids only; should it ever overflow, the interval still bounds how stale an entry gets.
    private const int AnnouncementBuffer = 10_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly EventSubscription<BusEvent> _announcements;
    private readonly IApiTokenDirectory _tokens;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private long _reads;

    public ApiTokenStates(IApiTokenDirectory tokens, IEventBus bus, IOptions<LiveConnectionSettings> settings, TimeProvider clock)
    {
        _tokens = tokens;
        _clock = clock;
        _interval = settings.Value.TokenRecheckInterval;
        _announcements = bus.Subscribe(ApiTokenChanged.Topic, AnnouncementBuffer);
    }

    /// <summary>Database reads made so far (diagnostics and tests: events must not each cost one).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>The token as this instance knows it (null: it no longer exists), at most one interval old and never older than an arrived announcement.</summary>
    public async ValueTask<ApiTokenState?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        // An announcement not yet applied may be about this token: do not trust the cache until it is.
        if (_announcements.Reader.Count == 0 && _entries.TryGetValue(id, out var known) && _clock.GetUtcNow() - known.LoadedAt < _interval)
            return await known.State.WaitAsync(cancellationToken);
        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>The token as the database has it now; remembered for later <see cref="GetAsync"/>s.</summary>
    public async Task<ApiTokenState?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var entry = new Entry(ReadAsync(id), _clock.GetUtcNow());
        _entries[id] = entry;
        try
        {
            return await entry.State.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _entries.TryRemove(new KeyValuePair<Guid, Entry>(id, entry));
            throw;
        }
    }

    /// <summary>Reads all of <paramref name="ids"/> afresh in one query (the periodic re-check of every open connection).</summary>
    public async Task<IReadOnlyDictionary<Guid, ApiTokenState?>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        Interlocked.Increment(ref _reads);
        var tokens = (await _tokens.LoadManyAsync(ids, cancellationToken)).ToDictionary(token => token.Id);
        var states = ids.ToDictionary(id => id, id => tokens.GetValueOrDefault(id));
        foreach (var (id, state) in states) _entries[id] = new Entry(Task.FromResult(state), now);
        return states;
    }

    /// <summary>
    /// Waits for announcements; forgets each token one names before taking it off the queue (so no
    /// <see cref="GetAsync"/> meanwhile trusts the old entry), and answers the ids. One reader only.
    /// </summary>
    public async IAsyncEnumerable<Guid> AnnouncedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = _announcements.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryPeek(out var announcement))
            {
                var id = TokenIdOf(announcement);
                if (id is { } forgotten) _entries.TryRemove(forgotten, out _);
                reader.TryRead(out _);
                if (id is { } changed) yield return changed;
            }
        }
    }

    /// <summary>Entries of tokens that nothing asked about for an interval are dropped, so the cache holds live connections' tokens only.</summary>
    public void Trim()
    {
        var now = _clock.GetUtcNow();
        foreach (var (id, entry) in _entries)
            if (now - entry.LoadedAt >= _interval) _entries.TryRemove(new KeyValuePair<Guid, Entry>(id, entry));
    }

    private async Task<ApiTokenState?> ReadAsync(Guid id)
    {
        // Shared by every caller waiting for this entry, so no one caller's cancellation ends it.
        Interlocked.Increment(ref _reads);
        return await _tokens.LoadAsync(id, CancellationToken.None);
    }

    private static Guid? TokenIdOf(BusEvent announcement) =>
        announcement.Message.TryGetProperty("tokenId", out var id) && id.TryGetGuid(out var value) ? value : null;

    public void Dispose() => _announcements.Dispose();

    private sealed record Entry(Task<ApiTokenState?> State, DateTimeOffset LoadedAt);
}
