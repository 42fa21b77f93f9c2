using Microsoft.Net.Http.Headers;

namespace HeadlessReviews.Api.Transport.Ide;

/// <summary>
/// Tells a browser opening the GraphQL path from an API client: the IDE page goes only to a GET that
/// names <c>text/html</c> in <c>Accept</c> and ranks it at least as high as any GraphQL response type
/// it names. Wildcards do not count, so <c>curl</c> (<c>*/*</c>) and every GraphQL client keep the API;
/// a browser's navigation (<c>text/html,…,*/*;q=0.8</c>) gets the page.
/// </summary>
public static class IdePageRequest
{
    public static bool WantsPage(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        if (request.HttpContext.WebSockets.IsWebSocketRequest) return false;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)) return false;

        double html = 0, api = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            switch (range.MediaType.Value?.ToLowerInvariant())
            {
                case "text/html":
                    html = Math.Max(html, quality);
                    break;
                case ResponseMediaType.GraphQLResponse or ResponseMediaType.Json or "text/event-stream":
                    api = Math.Max(api, quality);
                    break;
            }
        }
        return html > 0 && html >= api;
    }
}
