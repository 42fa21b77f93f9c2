using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HeadlessReviews.Api.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>Every meter of the service's own: <c>HeadlessReviews.GraphQL</c>, <c>HeadlessReviews.Realtime</c>…</summary>
    private const string OwnMeters = "HeadlessReviews.*";

    /// <summary>
    /// Metrics for the Prometheus scrape endpoint (<see cref="MetricsSettings"/>, on by default), structured
    /// logs outside Development (<see cref="StructuredLogging"/>), and OpenTelemetry traces, metrics and
    /// logs over OTLP, switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and configured by
    /// the other standard <c>OTEL_*</c> settings: protocol, headers, service name, batch delay).
    /// Spans: incoming HTTP (health checks and scrapes left out), GraphQL operations, PostgreSQL commands
    /// (Npgsql), outbound HTTP (the spam checker, webhooks).
    /// </summary>
    public static WebApplicationBuilder AddHeadlessReviewsTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddHeadlessReviewsLogging();
        var services = builder.Services;
        services.AddOptions<MetricsSettings>().BindConfiguration(MetricsSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OperationNames>();

        var scraped = (builder.Configuration.GetSection(MetricsSettings.Section).Get<MetricsSettings>() ?? new MetricsSettings()).Enabled;
        var exported = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!scraped && !exported) return builder;

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : "headlessreviews";
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(OwnMeters)
                    .AddMeter("Npgsql");
                // Scraped as it is now: a cached answer would hide the request a test (or an operator) just made.
                if (scraped) metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                if (exported) metrics.AddOtlpExporter();
            });
        if (!exported) return builder;

        telemetry
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !MetricsEndpoint.IsProbe(context))
                .AddHttpClientInstrumentation()
                .AddSource(GraphQLActivities.Name)
                .AddSource("Npgsql")
                .AddOtlpExporter())
            .WithLogging(logging => logging.AddOtlpExporter());
        return builder;
    }
}
