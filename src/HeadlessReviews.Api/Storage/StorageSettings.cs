using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Storage;

/// <summary>Database behaviour at start-up, bound from <c>HeadlessReviews:Storage</c>.</summary>
public sealed class StorageSettings
{
    public const string Section = "HeadlessReviews:Storage";

    /// <summary>
    /// Apply schema changes at start-up. Development always does; Production refuses to start on a
    /// mismatch unless this is true (or the <c>migrate</c> command ran).
    /// </summary>
    public bool ApplySchemaChanges { get; set; }

    /// <summary>How long start-up waits for PostgreSQL to answer before giving up.</summary>
    [Range(1, 3_600)]
    public int StartupWaitSeconds { get; set; } = 60;

    /// <summary>
    /// PostgreSQL's <c>statement_timeout</c> on the service's Marten connections: a safety net a little
    /// above the execution timeout, for a command whose cancellation did not arrive. 0: none.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
