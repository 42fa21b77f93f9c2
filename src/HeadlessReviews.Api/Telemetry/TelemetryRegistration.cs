using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HeadlessReviews.Api.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// OpenTelemetry traces, metrics and logs over OTLP, switched on by the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and configured by the other standard <c>OTEL_*</c> settings:
    /// protocol, headers, service name, batch delay). Unset, nothing is collected or exported.
    /// Spans: incoming HTTP (health checks left out), GraphQL operations, PostgreSQL commands (Npgsql),
    /// outbound HTTP (the spam checker).
    /// </summary>
    public static WebApplicationBuilder AddHeadlessReviewsTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : "headlessreviews";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(GraphQLActivities.Name)
                .AddSource("Npgsql")
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(GraphQLActivities.Name)
                .AddMeter("Npgsql")
                .AddOtlpExporter())
            .WithLogging(logging => logging.AddOtlpExporter());
        return builder;
    }
}
