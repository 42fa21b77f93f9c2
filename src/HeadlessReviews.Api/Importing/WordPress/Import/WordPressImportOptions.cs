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

    /// <summary>
    /// A title pattern as given on the command line or in the query: case-insensitive, with a time limit, and with the
    /// group <c>film</c>; null with <paramref name="problem"/> (to follow the option's name) when it is not one.
    /// </summary>
    public static Regex? TitlePattern(string text, out string? problem)
    {
        Regex pattern;
        try
        {
            pattern = new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException error)
        {
            problem = $"is not a regular expression: {error.Message}";
            return null;
        }
        problem = pattern.GetGroupNames().Contains("film") ? null : "must have a group named film: (?<film>…).";
        return problem is null ? pattern : null;
    }

    /// <summary>What changes the result of converting a post: part of each post's hash, so a run with other options updates.</summary>
    public string Fingerprint => $"{ReviewTitlePattern}|{ReviewCategory}|{MediaBaseUrl}";
}
