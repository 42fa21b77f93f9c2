using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Importing.WordPress.Http;

/// <summary>Bound from <c>HeadlessReviews:Import</c>: the HTTP import endpoint's limits, and how an import writes.</summary>
public sealed class ImportSettings
{
    public const string Section = "HeadlessReviews:Import";

    /// <summary>The largest export <c>POST /admin/import/wordpress</c> accepts (413 past it); streamed to a temporary file, never held in memory.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 1L << 30;

    /// <summary>
    /// How many posts an import writes at once, each on its own connection and in its own transaction (a dry run writes
    /// one at a time). Two keep both of a small machine's cores busy: one converts and sends while PostgreSQL works on the other.
    /// </summary>
    [Range(1, 16)]
    public int Connections { get; set; } = 2;
}
