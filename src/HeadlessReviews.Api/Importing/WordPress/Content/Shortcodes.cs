using System.Net;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// WordPress shortcodes: <c>[caption]</c> becomes a figure (image and caption); any other becomes a link
/// when it carries a URL, or is removed with a warning naming it. Square brackets that are not
/// shortcode-like stay text: a token is a shortcode when its name is one WordPress or a common
/// plugin registers, or when it has attributes, a closing tag or a self-closing slash
/// ("[sic]" and "[brackets]" are text; "[foo id=3]" and "[foo]…[/foo]" are shortcodes).
/// </summary>
public static partial class Shortcodes
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist", "youtube", "vimeo", "soundcloud",
        "spotify", "tweet", "twitter", "instagram", "dailymotion", "flickr", "googlemaps", "slideshow", "contact-form",
        "contact-form-7", "polldaddy", "wpvideo", "ted", "scribd", "archives", "sitemap",
    };

    // [[name]] is WordPress's escape for a literal shortcode; the name is followed by attributes, "/" or "]".
    [GeneratedRegex(@"\[(?<escape>\[)?(?<name>[A-Za-z][\w-]*)(?<attrs>(?:[\s=][^\]]*?)?)(?<self>/)?\](?:(?<inner>.*?)\[/\k<name>\])?(?<unescape>\])?", RegexOptions.Singleline)]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"https?://[^\s""'<>\]\[]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<key>[\w-]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""']+))")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Image();

    [GeneratedRegex(@"^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>\s*(?:</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingImage();

    public static string Replace(string content, ICollection<string> warnings) =>
        Shortcode().Replace(content, match =>
        {
            var name = match.Groups["name"].Value;
            var hasInner = match.Groups["inner"].Success;
            var looksLikeShortcode = Known.Contains(name) || hasInner || match.Groups["self"].Success ||
                                     Attribute().IsMatch(match.Groups["attrs"].Value) || match.Groups["attrs"].Value.StartsWith('=');
            if (!looksLikeShortcode) return match.Value;
            if (match.Groups["escape"].Success && match.Groups["unescape"].Success) return match.Value[1..^1];

            var attrs = match.Groups["attrs"].Value;
            var inner = hasInner ? match.Groups["inner"].Value : "";
            if (name.Equals("caption", StringComparison.OrdinalIgnoreCase) || name.Equals("wp_caption", StringComparison.OrdinalIgnoreCase))
                return Caption(attrs, inner, warnings);

            var url = Url().Match(attrs + " " + inner);
            if (url.Success)
            {
                var encoded = WebUtility.HtmlEncode(url.Value);
                return $"\n\n<p><a href=\"{encoded}\">{encoded}</a></p>\n\n";
            }
            // Wrapped text is the author's and stays; only the shortcode's own output is lost.
            warnings.Add($"Removed the [{name}] shortcode: it has no URL to link to" + (inner.Trim().Length > 0 ? "; the text inside it was kept." : "."));
            return inner;
        });

    /// <summary>[caption id="…" align="…" width="…"]&lt;img …&gt; Caption text[/caption] → a figure; the caption may be an attribute (older WordPress).</summary>
    private static string Caption(string attrs, string inner, ICollection<string> warnings)
    {
        var image = LeadingImage().Match(inner);
        if (!image.Success)
        {
            var anywhere = Image().Match(inner);
            if (!anywhere.Success)
            {
                warnings.Add("Removed a [caption] shortcode without an image.");
                return inner;
            }
            image = anywhere;
        }
        var caption = inner.Remove(image.Index, image.Length).Trim();
        if (caption.Length == 0)
            caption = Attribute().Matches(attrs).FirstOrDefault(a => a.Groups["key"].Value.Equals("caption", StringComparison.OrdinalIgnoreCase))?.Groups["value"].Value ?? "";
        var figcaption = caption.Length == 0 ? "" : $"<figcaption>{caption}</figcaption>";
        return $"\n\n<figure>{Image().Match(image.Value).Value}{figcaption}</figure>\n\n";
    }
}
