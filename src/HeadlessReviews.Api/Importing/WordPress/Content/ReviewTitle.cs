using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>Which post titles name a reviewed film.</summary>
public static partial class ReviewTitle
{
    /// <summary>"Review – Her", "Review: Her", "review - Her" (dash, en/em dash or colon).</summary>
    [GeneratedRegex(@"^\s*Review\s*[–—:-]\s*(?<film>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    public static partial Regex DefaultPattern();

    /// <summary>The film's title from a post title ("Review &amp;#8211; Her" → "Her"), or null when the title is not a review's.</summary>
    public static string? FilmTitle(string postTitle, Regex? pattern = null)
    {
        var decoded = System.Net.WebUtility.HtmlDecode(postTitle);
        var match = (pattern ?? DefaultPattern()).Match(decoded);
        if (!match.Success || !match.Groups["film"].Success) return null;
        var film = match.Groups["film"].Value.Trim();
        return film.Length == 0 ? null : film;
    }
}
