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
