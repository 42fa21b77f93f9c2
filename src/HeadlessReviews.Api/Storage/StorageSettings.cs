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
}
