using System.Net;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// WordPress stores titles and names HTML-encoded ("Review &amp;#8211; Her"); the reader leaves them as written,
/// and consumers that want plain text decode them here.
/// </summary>
public static class WxrHtmlText
{
    public static string Decode(string text) => WebUtility.HtmlDecode(text);
}
