using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// HTTP caching of <c>GET /graphql</c>. An anonymous query answered without errors is the same for
/// every reader, so it gets a strong <c>ETag</c> (a hash of the media type and the body) and
/// <c>Cache-Control: public</c>, and a client or CDN that sends the tag back in <c>If-None-Match</c>
/// gets <c>304 Not Modified</c> with no body. Anything else — a token, errors, POST — is never stored.
/// The tag is computed from the answer itself, so it changes exactly when the content does. The
/// answer's cache tags name the documents it shows, as the application's <see cref="ICacheTagSource"/> says.
/// </summary>
public sealed class CacheableGetResponse(IGraphQLSerializer serializer, IOptions<GraphQLHttpSettings> settings, ICacheTagSource? cacheTags = null)
{
    private const string NotStored = "no-store";
    private const string PrivateNotStored = "private, no-store";

    /// <summary>A request without an <c>Authorization</c> header reads what every reader reads.</summary>
    public static bool IsAnonymous(HttpRequest request) => !request.Headers.ContainsKey(HeaderNames.Authorization);

    /// <summary>Whether this executed GET may be cached at all: anonymous, and answered without a single error.</summary>
    public static bool IsCacheable(HttpRequest request, ExecutionResult result) =>
        IsAnonymous(request) && result.Executed && (result.Errors is null || result.Errors.Count == 0);

    /// <summary>Cache-Control of a GET answer that <see cref="IsCacheable"/> refused.</summary>
    public static string NotCacheable(HttpRequest request) => IsAnonymous(request) ? NotStored : PrivateNotStored;

    public async Task WriteAsync(HttpContext context, string mediaType, ExecutionResult result)
    {
        var bytes = await SerializeAsync(result, context.RequestAborted);
        await WriteAsync(context, mediaType, bytes, ETagOf(mediaType, bytes), HeaderTagsOf(result));
    }

    /// <summary>The body as the serializer writes it, for the response cache to keep.</summary>
    public async Task<byte[]> SerializeAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await serializer.WriteAsync(body, result, cancellationToken);
        return body.ToArray();
    }

    /// <summary>The answer's <c>Cache-Tag</c> values (none when the application names none).</summary>
    public IReadOnlyList<string> HeaderTagsOf(ExecutionResult result) =>
        cacheTags?.TagsOf(result, settings.Value.MaxCacheTagBytes) ?? [];

    public static string ETagOf(string mediaType, ReadOnlySpan<byte> body) => new EntityTagHeaderValue(TagOf(mediaType, body)).ToString();

    /// <summary>
    /// Writes an answer from its parts: a fresh one and one the response cache kept go through here
    /// alike, so a hit is byte for byte and header for header what its miss was.
    /// </summary>
    public async Task WriteAsync(HttpContext context, string mediaType, ReadOnlyMemory<byte> bytes, string etag, IReadOnlyList<string> tags)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl();
        // Another Accept is another body; a token could be another answer.
        response.Headers.Vary = "Accept, Authorization";
        // What the answer shows, for targeted CDN purges: Cloudflare reads commas, Fastly spaces.
        if (tags.Count > 0)
        {
            response.Headers["Cache-Tag"] = string.Join(',', tags);
            response.Headers["Surrogate-Key"] = string.Join(' ', tags);
        }

        if (context.Request.Headers.IfNoneMatch.Count > 0 && Matches(context.Request, EntityTagHeaderValue.Parse(etag)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"{mediaType}; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private string CacheControl()
    {
        var maxAge = settings.Value.GetMaxAge;
        var shared = settings.Value.GetSharedMaxAge;
        // max-age 0: caches may keep it but must ask again each time (a cheap 304 when unchanged).
        var browser = maxAge > TimeSpan.Zero ? $"public, max-age={(long)maxAge.TotalSeconds}" : "public, no-cache";
        return shared is { } sharedAge ? $"{browser}, s-maxage={(long)sharedAge.TotalSeconds}" : browser;
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): <c>W/"x"</c> matches <c>"x"</c>; <c>*</c> matches any.</summary>
    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));

    private static string TagOf(string mediaType, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(mediaType + "\n"));
        hash.AppendData(body);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        // 128 bits are plenty to tell two answers apart.
        return $"\"{Base64Url.EncodeToString(digest[..16])}\"";
    }
}
