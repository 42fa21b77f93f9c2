using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>How one import reads its file: the command line's options, the HTTP endpoint's query.</summary>
public sealed record WordPressImportOptions
{
    /// <summary>Writes nothing; the report says what would have happened.</summary>
    public bool DryRun { get; init; }

    /// <summary>Which post titles are reviews; its group <c>film</c> is the film's title. Default: "Review – Title".</summary>
    public Regex? ReviewTitlePattern { get; init; }

    /// <summary>Posts in this category (its slug) are reviews too, whatever their title.</summary>
    public string? ReviewCategory { get; init; }

    /// <summary>Images under <c>/wp-content/uploads/</c> are rewritten to this address.</summary>
    public Uri? MediaBaseUrl { get; init; }

    /// <summary>What changes the result of converting a post: part of each post's hash, so a run with other options updates.</summary>
    public string Fingerprint => $"{ReviewTitlePattern}|{ReviewCategory}|{MediaBaseUrl}";
}
