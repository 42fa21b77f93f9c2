namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>What was last measured of one host of the read-only connection string.</summary>
public sealed class StandbyHost(string name, string connectionString)
{
    /// <summary><c>host:port</c>, as the metrics label it.</summary>
    public string Name { get; } = name;

    /// <summary>This host alone (any session type), for measuring it.</summary>
    public string ConnectionString { get; } = connectionString;

    public bool Reachable { get; set; }

    /// <summary>Seconds behind the primary at the last measurement; 0 when caught up or not a standby; null when never measured or unreachable.</summary>
    public double? LagSeconds { get; set; }

    public DateTimeOffset? MeasuredAt { get; set; }
}
