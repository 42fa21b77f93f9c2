using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Telemetry;

public static class MetricsEndpoint
{
    /// <summary>
    /// The Prometheus text exposition at <see cref="MetricsSettings.Path"/> (<c>/metrics</c>), unless
    /// disabled. Public like the health checks, outside the GraphQL endpoint's limits and the IDE's page;
    /// <see cref="MetricsSettings.AllowedNetworks"/> restricts it (others get 404, as if it were not there).
    /// </summary>
    public static WebApplication MapHeadlessReviewsMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<MetricsSettings>>().Value;
        if (!settings.Enabled) return app;
        var allowed = settings.AllowedNetworkList;
        // After the forwarded headers (mapped before this): a trusted proxy's client is the one checked.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path.Equals(settings.Path, StringComparison.OrdinalIgnoreCase)
            && (allowed.Count == 0 || (context.Connection.RemoteIpAddress is { } address
                && allowed.Any(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))));
        return app;
    }

    /// <summary>Health checks and scrapes: polled every few seconds, not worth a span each.</summary>
    public static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health")
        || context.RequestServices.GetService<IOptions<MetricsSettings>>()?.Value is { Enabled: true } metrics && context.Request.Path.Equals(metrics.Path, StringComparison.OrdinalIgnoreCase);
}
