using System.Text;
using Microsoft.Net.Http.Headers;

namespace HeadlessReviews.Api.Transport.Ide;

/// <summary>Writes the IDE page and its assets, with the caching and content coding each deserves.</summary>
public sealed class IdeEndpoint(IdeAssets assets, IdePage page)
{
    // Asset names carry their content hash: a name's bytes never change, so caches keep them a year.
    private const string ImmutableAsset = "public, max-age=31536000, immutable";

    public async Task WritePageAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.Vary = HeaderNames.Accept;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
        if (!assets.IsBuilt)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("The GraphQL IDE was not built into this service (built with -p:BuildIde=false). The API answers POST requests here.", context.RequestAborted);
            return;
        }
        response.Headers.ContentSecurityPolicy = IdePage.ContentSecurityPolicy(context.Request);
        response.ContentType = "text/html; charset=utf-8";
        var body = Encoding.UTF8.GetBytes(page.Html);
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async Task WriteAssetAsync(HttpContext context, string name)
    {
        var asset = assets.Find(name);
        var response = context.Response;
        if (asset is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var coding = PickCoding(context.Request, asset);
        var etag = $"\"{asset.Name}.{coding}\"";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = ImmutableAsset;
        response.Headers.ETag = etag;
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Contains(etag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = asset.ContentType;
        if (coding != "identity") response.Headers.ContentEncoding = coding;
        await using var content = assets.Open(asset.ResourceByCoding[coding]);
        response.ContentLength = content.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await content.CopyToAsync(response.Body, context.RequestAborted);
    }

    /// <summary>Brotli, then gzip, when the client accepts them (quality above zero); else the plain file.</summary>
    private static string PickCoding(HttpRequest request, IdeAsset asset)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted)) return "identity";
        foreach (var coding in (string[])["br", "gzip"])
        {
            var offered = accepted.Any(value => string.Equals(value.Value.Value, coding, StringComparison.OrdinalIgnoreCase) && (value.Quality ?? 1) > 0);
            if (offered && asset.ResourceByCoding.ContainsKey(coding)) return coding;
        }
        return "identity";
    }
}
