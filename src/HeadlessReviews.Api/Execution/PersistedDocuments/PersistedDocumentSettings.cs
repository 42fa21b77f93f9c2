using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>Which documents may run, bound from <c>HeadlessReviews:PersistedDocuments</c>.</summary>
public sealed class PersistedDocumentSettings
{
    public const string Section = "HeadlessReviews:PersistedDocuments";

    public PersistedDocumentMode Mode { get; set; } = PersistedDocumentMode.Automatic;

    /// <summary>Documents kept in memory per instance in front of the table (they never change: the id is their hash).</summary>
    [Range(0, 1_000_000)]
    public int CacheSize { get; set; } = 10_000;

    /// <summary>Largest document a client may register by hash (automatic persisted queries), in UTF-8 bytes; a larger one is refused.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 64 * 1024;

    /// <summary>Client-registered documents kept; past it, or past <see cref="MaxStoredBytes"/>, the least recently used go. Admin-registered (trusted) ones never do.</summary>
    [Range(1, 10_000_000)]
    public int MaxStoredDocuments { get; set; } = 10_000;

    /// <summary>Total UTF-8 bytes of the client-registered documents kept.</summary>
    [Range(1, long.MaxValue)]
    public long MaxStoredBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How often a document's last use is written at most (per instance): often enough to rank them, rarely enough not to write per request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan LastUsedInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>New documents a caller without a token may register per client address per minute and per hour (counted in PostgreSQL, as comment posts).</summary>
    [Range(1, 100_000)]
    public int RegistrationsPerMinute { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int RegistrationsPerHour { get; set; } = 200;

    /// <summary>The fixed window <see cref="RegistrationsPerMinute"/> counts in: a minute (shorter in tests).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RegistrationsPerMinuteWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The fixed window <see cref="RegistrationsPerHour"/> counts in: an hour (shorter in tests).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan RegistrationsPerHourWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest manifest <c>POST /admin/persisted-documents</c> accepts, in bytes.</summary>
    [Range(1, int.MaxValue)]
    public int MaxManifestBytes { get; set; } = 16 * 1024 * 1024;
}

public enum PersistedDocumentMode
{
    /// <summary>Any document runs; clients may also register theirs by hash (automatic persisted queries) and send only the hash after.</summary>
    Automatic,

    /// <summary>
    /// Without a token only documents an admin registered (trusted documents) run, by id or hash;
    /// callers with a token (editors in the IDE) may still send any document.
    /// </summary>
    TrustedOnly,
}
