using System.Text.Json;
using HeadlessReviews.Api.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HeadlessReviews.Api.Web;

/// <summary>
/// The request line and header limits, answered like every other error (a JSON body with a code)
/// rather than by Kestrel, which refuses an over-long line (414) or headers (431) with no body at all.
/// Kestrel's own limits are set well above ours (<see cref="HardLimitFactor"/>), so a request only a
/// little over a limit reaches this check; past the hard limits Kestrel still answers alone.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>Room on the request line for the method, the path and the protocol besides the query string.</summary>
    public const int RequestLineAllowance = 4 * 1024;

    /// <summary>Kestrel refuses (bodiless) only at this multiple of our limits.</summary>
    public const int HardLimitFactor = 4;

    public static void ConfigureKestrel(KestrelServerOptions kestrel, GraphQLHttpSettings settings)
    {
        kestrel.Limits.MaxRequestLineSize = HardLimitFactor * (settings.MaxQueryStringLength + RequestLineAllowance);
        kestrel.Limits.MaxRequestHeadersTotalSize = HardLimitFactor * settings.MaxRequestHeadersBytes;
    }

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app, GraphQLHttpSettings settings) => app.Use(async (context, next) =>
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value + context.Request.QueryString.Value;
        if (target.Length > settings.MaxQueryStringLength + RequestLineAllowance)
        {
            await RefuseAsync(context, StatusCodes.Status414UriTooLong, "URI_TOO_LONG",
                $"The request target is longer than {settings.MaxQueryStringLength + RequestLineAllowance} characters; send long documents with POST.");
            return;
        }
        if (HeaderBytes(context.Request.Headers) > settings.MaxRequestHeadersBytes)
        {
            await RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "REQUEST_HEADER_FIELDS_TOO_LARGE",
                $"The request headers are larger than {settings.MaxRequestHeadersBytes} bytes.");
            return;
        }
        await next(context);
    });

    // As Kestrel counts them: each name and value, in bytes (header values are Latin-1 or UTF-8 bytes).
    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
            foreach (var value in values)
                total += name.Length + (value?.Length ?? 0);
        return total;
    }

    private static Task RefuseAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body,
            new { errors = new[] { new { message, extensions = new { code } } } }, cancellationToken: context.RequestAborted);
    }
}
