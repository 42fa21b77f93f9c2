namespace HeadlessReviews.Api.Importing.WordPress.Content;

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
