namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// Where the primary's WAL was at each recent check, so a standby's replay position can be read as a time:
/// a standby that has replayed up to where the primary was at <c>t</c> is at most <c>now − t</c> behind.
/// Measured from the primary, not from what the standby happens to have received: under load the WAL
/// sender itself falls behind, and a standby that replayed all it received would look caught up.
/// </summary>
public sealed class PrimaryPositions(TimeSpan keep)
{
    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, ulong Lsn)> _seen = new();

    public void Add(DateTimeOffset at, ulong lsn)
    {
        lock (_gate)
        {
            _seen.Enqueue((at, lsn));
            while (_seen.Count > 1 && _seen.Peek().At < at - keep) _seen.Dequeue();
        }
    }

    /// <summary>Seconds a standby at <paramref name="replayed"/> is behind: 0 when it has all the primary had at the last check; infinity when it is behind everything kept.</summary>
    public double LagOf(ulong replayed, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_seen.Count == 0) return double.PositiveInfinity;
            if (replayed >= _seen.Last().Lsn) return 0;
            DateTimeOffset? newestReached = null;
            foreach (var (at, lsn) in _seen)
                if (lsn <= replayed) newestReached = at;
            return newestReached is { } reached ? (now - reached).TotalSeconds : double.PositiveInfinity;
        }
    }
}
