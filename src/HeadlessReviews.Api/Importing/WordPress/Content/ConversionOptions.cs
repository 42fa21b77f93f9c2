using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>How one post's content is turned into our review parts.</summary>
public sealed record ConversionOptions
{
    public static readonly ConversionOptions Default = new();

    /// <summary>Maps an image's old address to its new one; null keeps every address as it is.</summary>
    public Func<Uri, Uri>? RewriteMediaUrl { get; init; }

    /// <summary>Rewrites images under <c>/wp-content/uploads/</c> to <paramref name="mediaBaseUrl"/> (the path after "uploads/" kept).</summary>
    public static ConversionOptions WithMediaBaseUrl(Uri mediaBaseUrl) => new() { RewriteMediaUrl = MediaBaseUrl.Rewriter(mediaBaseUrl) };
}

/// <summary>The <c>--media-base-url</c> rule: WordPress upload addresses move under a new base, others stay.</summary>
public static class MediaBaseUrl
{
    private const string Uploads = "/wp-content/uploads/";

    public static Func<Uri, Uri> Rewriter(Uri mediaBaseUrl)
    {
        var root = mediaBaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        return url =>
        {
            var at = url.AbsolutePath.IndexOf(Uploads, StringComparison.OrdinalIgnoreCase);
            return at < 0 ? url : new Uri(root + url.AbsolutePath[(at + Uploads.Length)..] + url.Query);
        };
    }
}

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
