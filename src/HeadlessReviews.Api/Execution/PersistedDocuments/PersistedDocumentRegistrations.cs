using System.Globalization;
using System.Text;
using GraphQL;
using HeadlessReviews.Api.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>
/// Whether a client may register a new document by hash: at most <c>MaxDocumentBytes</c>, and for
/// callers without a token at most <c>RegistrationsPerMinute</c> / <c>…PerHour</c> per client address,
/// in the shared PostgreSQL windows (<see cref="SharedRateWindows"/>) comment posts are counted in too (so every instance shares one count).
/// </summary>
public sealed class PersistedDocumentRegistrations(
    SharedRateWindows limiter, ClientAddressHasher addresses, IHttpContextAccessor http, IOptions<PersistedDocumentSettings> settings)
{
    private const string Scope = "persisted-documents";

    /// <summary>Null when the registration may go ahead (and is counted); otherwise the error to answer.</summary>
    public async Task<ExecutionError?> RefusalAsync(ExecutionOptions options, string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > settings.Value.MaxDocumentBytes)
            return new ExecutionError($"The document is {bytes} bytes; at most {settings.Value.MaxDocumentBytes} are stored by hash. Send it without `persistedQuery`.")
            {
                Code = "PERSISTED_DOCUMENT_TOO_LARGE",
            };
        return options.User?.Identity?.IsAuthenticated == true ? null : await RateLimitedAsync(options.CancellationToken).ConfigureAwait(false);
    }

    private async Task<ExecutionError?> RateLimitedAsync(CancellationToken cancellationToken)
    {
        var client = addresses.Hash(http.HttpContext?.Connection.RemoteIpAddress?.ToString()) ?? "unknown";
        var limits = new[]
        {
            new RateLimit("documents-short", settings.Value.RegistrationsPerMinute, settings.Value.RegistrationsPerMinuteWindow),
            new RateLimit("documents-long", settings.Value.RegistrationsPerHour, settings.Value.RegistrationsPerHourWindow),
        };
        if (await limiter.TryAcquireAsync(Scope, client, limits, cancellationToken).ConfigureAwait(false) is not { } retryAfter) return null;
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        if (http.HttpContext is { Response.HasStarted: false } context) context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var error = new ExecutionError($"Too many new persisted documents from this address; try again in {seconds} seconds, or send the document without `persistedQuery`.")
        {
            Code = "RATE_LIMITED",
        };
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions["retryAfterSeconds"] = seconds;
        return error;
    }
}
