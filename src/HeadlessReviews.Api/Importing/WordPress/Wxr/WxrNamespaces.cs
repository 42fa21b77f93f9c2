using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// Exports name their namespaces by version (http://wordpress.org/export/1.0/ … 1.2/) and some tools write https:
/// elements are matched by namespace URI pattern, never by prefix.
/// </summary>
internal static partial class WxrNamespaces
{
    public static bool IsWordPress(string uri) => WordPressPattern().IsMatch(uri);
    public static bool IsExcerpt(string uri) => ExcerptPattern().IsMatch(uri);
    public static bool IsContent(string uri) => ContentPattern().IsMatch(uri);
    public static bool IsDublinCore(string uri) => DublinCorePattern().IsMatch(uri);

    [GeneratedRegex(@"^https?://wordpress\.org/export/\d+\.\d+/?$", RegexOptions.IgnoreCase)]
    private static partial Regex WordPressPattern();

    [GeneratedRegex(@"^https?://wordpress\.org/export/\d+\.\d+/excerpt/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ExcerptPattern();

    [GeneratedRegex(@"^https?://purl\.org/rss/1\.0/modules/content/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentPattern();

    [GeneratedRegex(@"^https?://purl\.org/dc/elements/1\.1/?$", RegexOptions.IgnoreCase)]
    private static partial Regex DublinCorePattern();
}
