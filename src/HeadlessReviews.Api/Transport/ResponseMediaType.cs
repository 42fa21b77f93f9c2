using Microsoft.Net.Http.Headers;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// The two response media types of GraphQL over HTTP and how to pick one from <c>Accept</c>.
/// They differ in status codes: with <c>application/graphql-response+json</c> a request that fails
/// before execution is a 4xx; with legacy <c>application/json</c> it is a 200 carrying <c>errors</c>.
/// </summary>
public static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The type to answer with, or null when <c>Accept</c> allows neither (answer 406).</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        // No Accept header: legacy clients, which expect application/json.
        if (accept.Count == 0) return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0) return Json;

        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var type = range.MediaType.Value?.ToLowerInvariant();
            var candidate = type switch
            {
                GraphQLResponse => GraphQLResponse,
                Json => Json,
                // Wildcards get the type every client understands.
                "*/*" or "application/*" => Json,
                _ => null,
            };
            // Equal quality: the specific graphql-response+json wins over application/json.
            if (candidate is null || quality <= 0 || quality < bestQuality || (quality == bestQuality && best == GraphQLResponse)) continue;
            best = candidate;
            bestQuality = quality;
        }
        return best;
    }
}
