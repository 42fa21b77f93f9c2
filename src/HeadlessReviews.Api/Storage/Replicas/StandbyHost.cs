namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>One host of the read-only connection string, and what was last measured of it.</summary>
public sealed class StandbyHost(string name, string connectionString)
{
    private Reading? _last;

    /// <summary>One measurement: replaced whole, so requests never read half of one.</summary>
    /// <param name="LagSeconds">Behind the primary; 0 when caught up or not a standby; null when it did not answer.</param>
    public sealed record Reading(double? LagSeconds, DateTimeOffset At)
    {
        public bool Reachable => LagSeconds is not null;
    }

    /// <summary><c>host:port</c>, as the metrics label it.</summary>
    public string Name { get; } = name;

    /// <summary>This host alone (any session type), for measuring it.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Null until first measured.</summary>
    public Reading? Last
    {
        get => Volatile.Read(ref _last);
        set => Volatile.Write(ref _last, value);
    }
}
