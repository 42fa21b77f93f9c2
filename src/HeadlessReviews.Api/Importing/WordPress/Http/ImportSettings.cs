using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Importing.WordPress.Http;

/// <summary>Bound from <c>HeadlessReviews:Import</c>: the HTTP import endpoint's limits.</summary>
public sealed class ImportSettings
{
    public const string Section = "HeadlessReviews:Import";

    /// <summary>The largest export <c>POST /admin/import/wordpress</c> accepts (413 past it); streamed to a temporary file, never held in memory.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 1L << 30;
}
