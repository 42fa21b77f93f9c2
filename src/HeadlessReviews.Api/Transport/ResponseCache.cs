using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// Answers to anonymous queries kept in memory, found by <see cref="ResponseCacheKey"/> before any
/// parsing, and purged by tag (<see cref="Purge"/>) or wholly (<see cref="Clear"/>) when the application
/// hears of a change. Reads take no lock; stores and purges share one. A store is refused when any purge
/// happened since the request took its <see cref="Generation"/>: its answer may have been read before
/// the change and would otherwise outlive the purge that was meant for it.
/// </summary>
public sealed class ResponseCache(IOptions<ResponseCacheSettings> settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, CachedResponse> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<CachedResponse>> _byTag = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedResponse> _oldestFirst = new();
    private readonly Lock _gate = new();
    private long _generation;
    private long _bytes;
    private volatile bool _serving = true;

    public bool Enabled => settings.Value.Enabled;

    /// <summary>False while changes may go unheard (the application's listener is away): nothing is served nor stored.</summary>
    public bool IsServing => _serving && settings.Value.Enabled;

    /// <summary>Bumped by every purge; taken before a request executes, checked when its answer is stored.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _entries.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool TryGet(string key, out CachedResponse response)
    {
        if (_serving && _entries.TryGetValue(key, out var found) && found.ExpiresAt > clock.GetTimestamp())
        {
            response = found;
            return true;
        }
        response = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="response"/> unless a purge happened since <paramref name="generation"/>; true when kept.</summary>
    public bool TryStore(string key, CachedResponse response, long generation)
    {
        var limits = settings.Value;
        if (!limits.Enabled || response.Body.Length > limits.MaxEntryBytes) return false;
        response.Key = key;
        response.Bytes = response.Body.Length + (key.Length * 2L) + response.PurgeTags.Sum(tag => (tag.Length * 2L) + 48) + 256;
        response.ExpiresAt = clock.GetTimestamp() + (long)(limits.TimeToLive.TotalSeconds * clock.TimestampFrequency);
        lock (_gate)
        {
            if (!_serving || Interlocked.Read(ref _generation) != generation) return false;
            if (_entries.TryGetValue(key, out var existing)) Remove(existing);
            _entries[key] = response;
            response.Node = _oldestFirst.AddLast(response);
            foreach (var tag in response.PurgeTags)
            {
                if (!_byTag.TryGetValue(tag, out var set)) _byTag[tag] = set = [];
                set.Add(response);
            }
            Interlocked.Add(ref _bytes, response.Bytes);
            while (_oldestFirst.First is { } oldest && (_entries.Count > limits.MaxEntries || Interlocked.Read(ref _bytes) > limits.MaxBytes))
                Remove(oldest.Value);
        }
        return true;
    }

    /// <summary>Drops every answer that shows one of <paramref name="tags"/>.</summary>
    public void Purge(IEnumerable<string> tags)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            foreach (var tag in tags)
                if (_byTag.Remove(tag, out var shown))
                    foreach (var response in shown) Remove(response);
        }
    }

    /// <summary>Drops everything (a change that names no tags, a gap in the news of changes).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            _entries.Clear();
            _byTag.Clear();
            _oldestFirst.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
    }

    /// <summary>Stops serving and storing, and forgets everything, until <see cref="Resume"/>.</summary>
    public void Suspend()
    {
        lock (_gate) _serving = false;
        Clear();
    }

    public void Resume()
    {
        // Whatever was stored before is gone already; a request that started while suspended is refused by its generation.
        Clear();
        lock (_gate) _serving = true;
    }

    private void Remove(CachedResponse response)
    {
        if (response.Node is null) return;
        _oldestFirst.Remove(response.Node);
        response.Node = null;
        // Only this entry: the key may already hold a newer one.
        _entries.TryRemove(new KeyValuePair<string, CachedResponse>(response.Key, response));
        foreach (var tag in response.PurgeTags)
            if (_byTag.TryGetValue(tag, out var set) && set.Remove(response) && set.Count == 0) _byTag.Remove(tag);
        Interlocked.Add(ref _bytes, -response.Bytes);
    }
}
