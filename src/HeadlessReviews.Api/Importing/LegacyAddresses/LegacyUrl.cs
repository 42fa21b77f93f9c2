using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.LegacyAddresses;

/// <summary>
/// The key of an old address, the same however a frontend spells it: with or without scheme, host and
/// trailing slash, percent-encoded or not, in any letter case. A WordPress short link (<c>?p=2102</c>,
/// <c>?page_id=</c>) is keyed by its id whatever else its query holds; any other address by its path.
/// </summary>
public static partial class LegacyUrl
{
    /// <summary>Longest address looked up; longer text is no address of ours.</summary>
    public const int MaxLength = 2_048;

    private static readonly string[] ShortLinkParameters = ["p", "page_id", "attachment_id"];

    /// <summary>The key, or null when the text is no http(s) address or names no item (a site's home page).</summary>
    public static string? Key(string url)
    {
        var text = url.Trim();
        if (text.Length is 0 or > MaxLength) return null;
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // Another scheme without slashes (javascript:, mailto:) is no address; host:port is.
            if (OtherScheme().IsMatch(text)) return null;
            text = text[0] is '/' or '?' ? "http://site" + text
                : LooksLikeHost(text) ? "http://" + text
                : "http://site/" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.IndexOf('=') is var at and > 0 ? (pair[..at].ToLowerInvariant(), pair[(at + 1)..]) : (pair, "");
            if (ShortLinkParameters.Contains(name) && long.TryParse(value, out var id) && id > 0)
                return $"?{name}={id}";
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/').ToLowerInvariant();
        return path.Length == 0 ? null : path;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")]
    private static partial Regex OtherScheme();

    // "films.example.org/2014/02/review-her/": the first segment is a host when it holds a dot and is not a file name.
    private static bool LooksLikeHost(string text)
    {
        var first = text.Split('/', 2)[0];
        return first.Contains('.', StringComparison.Ordinal) && text.Contains('/', StringComparison.Ordinal) && !first.Contains(' ', StringComparison.Ordinal);
    }
}
