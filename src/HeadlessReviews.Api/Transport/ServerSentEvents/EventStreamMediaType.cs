using Microsoft.Net.Http.Headers;

namespace HeadlessReviews.Api.Transport.ServerSentEvents;

/// <summary><c>text/event-stream</c>, and whether a request asks for it rather than a JSON response.</summary>
public static class EventStreamMediaType
{
    public const string EventStream = "text/event-stream";

    /// <summary>
    /// True when <c>Accept</c> lists <c>text/event-stream</c> (quality above zero) and no JSON response
    /// type with a higher quality. Wildcards never select a stream.
    /// </summary>
    public static bool IsRequested(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges)) return false;
        double stream = 0, json = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var type = range.MediaType.Value?.ToLowerInvariant();
            if (type == EventStream) stream = Math.Max(stream, quality);
            else if (type is ResponseMediaType.GraphQLResponse or ResponseMediaType.Json) json = Math.Max(json, quality);
        }
        return stream > 0 && stream >= json;
    }
}
