using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Transport.Ide;

/// <summary>
/// The HTML page of the IDE: written here rather than by the bundler so that its asset links are
/// relative to the GraphQL path (<c>graphql/ide/assets/…</c> from <c>/graphql</c>), which keeps it
/// working under any path prefix a proxy adds, and so that its security headers live beside it.
/// </summary>
public sealed partial class IdePage
{
    private readonly string _html;

    public IdePage(IdeAssets assets, string graphQLPath)
    {
        // From a page at /prefix/graphql, "graphql/ide/x" resolves to /prefix/graphql/ide/x.
        var assetBase = WebUtility.HtmlEncode(graphQLPath.TrimEnd('/').Split('/')[^1] + "/ide/");
        var head = new StringBuilder();
        foreach (var style in assets.Stylesheets) head.Append($"""<link rel="stylesheet" href="{assetBase}{WebUtility.HtmlEncode(style)}">""").Append('\n');
        foreach (var chunk in assets.Preloads) head.Append($"""<link rel="modulepreload" href="{assetBase}{WebUtility.HtmlEncode(chunk)}">""").Append('\n');
        head.Append($"""<script type="module" src="{assetBase}{WebUtility.HtmlEncode(assets.EntryScript)}"></script>""");
        _html = $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>HeadlessReviews · GraphQL IDE</title>
            <link rel="icon" href="data:,">
            {head}
            </head>
            <body>
            <div id="graphiql"><noscript>The GraphQL IDE needs JavaScript. The API itself answers POST requests at this address.</noscript></div>
            </body>
            </html>

            """;
    }

    public string Html => _html;

    /// <summary>
    /// Everything the page may load comes from this origin: scripts, workers, styles (Monaco writes
    /// some inline), fonts, and connections — HTTP and the WebSocket for subscriptions. A compromised
    /// or mistaken dependency cannot reach another host.
    /// </summary>
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        var host = request.Host.Value;
        // Both schemes: behind a proxy that ends TLS, the page is https while this request was http.
        var socket = host is not null && SafeHost().IsMatch(host) ? $" ws://{host} wss://{host}" : "";
        return "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; "
            + $"font-src 'self' data:; img-src 'self' data:; connect-src 'self'{socket}; manifest-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-:\[\]]{1,255}$")]
    private static partial Regex SafeHost();
}
