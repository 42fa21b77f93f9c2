using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// The key of the site an export came from, part of every <see cref="ImportRecord"/>'s key: the export's base site
/// address without scheme, <c>www.</c> or trailing slash, lower case ("example.com/blog"), so an export made over
/// http and a later one over https are the same site.
/// </summary>
public static class SourceSite
{
    public static string KeyOf(WxrChannel channel)
    {
        foreach (var candidate in new[] { channel.BaseSiteUrl, channel.BaseBlogUrl, channel.Link })
        {
            if (!Uri.TryCreate(candidate?.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0) continue;
            var host = uri.Host.ToLowerInvariant();
            if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
            var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
            return $"{host}{port}{uri.AbsolutePath.TrimEnd('/')}";
        }
        return "unknown-site";
    }
}
