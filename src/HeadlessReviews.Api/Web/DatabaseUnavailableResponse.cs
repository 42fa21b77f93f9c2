using System.Globalization;
using HeadlessReviews.Api.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace HeadlessReviews.Api.Web;

/// <summary>
/// A database outage that stops a request before GraphQL execution could answer for it (looking up
/// a token or a persisted document, the admin endpoints) is 503 with Retry-After and a GraphQL-shaped
/// body with the code SERVICE_UNAVAILABLE, never a 500 logged as a crash.
/// </summary>
public sealed class DatabaseUnavailableResponse(DatabaseOutage outage) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnreachable.Is(exception)) return false;
        outage.Report(exception);
        await WriteAsync(httpContext.Response, cancellationToken);
        return true;
    }

    public static Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        return response.WriteAsJsonAsync(new
        {
            errors = new[]
            {
                new { message = "The database is unavailable right now; try again in a few seconds.", extensions = new { code = "SERVICE_UNAVAILABLE" } },
            },
        }, cancellationToken);
    }
}
