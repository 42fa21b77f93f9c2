using System.Text.Json;
using HeadlessReviews.Api.Execution.PersistedDocuments;
using HeadlessReviews.Api.Importing.WordPress.Http;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Transport;
using HeadlessReviews.Api.Transport.Ide;
using HeadlessReviews.Api.Transport.ServerSentEvents;
using HeadlessReviews.Api.Transport.WebSockets;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Web;

public static class WebRegistration
{
    private const string CorsPolicy = "frontends";
    private const string GraphQLPath = "/graphql";

    /// <summary>HTTP concerns around the API: CORS, health checks, JSON error bodies.</summary>
    public static WebApplicationBuilder AddHeadlessReviewsWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGraphQLHttp<HeadlessReviewsSchema>();
        services.AddGraphQLWebSockets<HeadlessReviewsSchema>();
        services.AddGraphQLServerSentEvents<HeadlessReviewsSchema>();
        services.AddHeadlessReviewsTransportPolicies();
        services.AddHostedService<ResponseCachePurging>();
        services.AddGraphQLIde(GraphQLPath);
        services.AddSingleton<SchemaDocument>();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableResponse>();
        var http = builder.Configuration.GetSection(GraphQLHttpSettings.Section).Get<GraphQLHttpSettings>() ?? new GraphQLHttpSettings();
        services.Configure<ForwardedHeadersOptions>(options => TrustedProxies.Configure(options, http.TrustedProxies));
        builder.WebHost.ConfigureKestrel(kestrel => RequestSizeLimits.ConfigureKestrel(kestrel, http));
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
        // The health-check service logs every unhealthy probe as an error (a load balancer probes every few
        // seconds); our one check logs for itself: an outage once (DatabaseOutage), anything else as an error.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.None);

        var cors = builder.Configuration.GetSection(CorsSettings.Section).Get<CorsSettings>() ?? new CorsSettings();
        var isDevelopment = builder.Environment.IsDevelopment();
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (cors.OriginList.Count > 0) policy.WithOrigins([.. cors.OriginList]);
            else if (isDevelopment) policy.SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback);
            // Credentials only ever with a list of origins, never with a wildcard.
            policy.AllowAnyHeader().WithMethods("GET", "POST").WithExposedHeaders("ETag").SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return builder;
    }

    public static WebApplication MapHeadlessReviewsEndpoints(this WebApplication app)
    {
        // Errors outside GraphQL (a bad route, a crash) are JSON problem details, never an HTML page.
        app.UseRequestSizeLimits(app.Services.GetRequiredService<IOptions<GraphQLHttpSettings>>().Value);
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        // A browser opening /graphql gets the IDE; WebSocket upgrades of /graphql are graphql-transport-ws;
        // every other request goes on to routing.
        app.UseGraphQLIde(GraphQLPath);
        app.UseGraphQLWebSockets<HeadlessReviewsSchema>(GraphQLPath);

        app.MapGraphQLHttp<HeadlessReviewsSchema>(GraphQLPath);
        app.MapPersistedDocuments();
        app.MapWordPressImport();
        app.MapGet("/schema.graphql", (SchemaDocument schema) => Results.Text(schema.Sdl, "text/plain; charset=utf-8"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync });
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
