namespace HeadlessReviews.Api.Telemetry;

public static class StructuredLogging
{
    /// <summary>
    /// Outside Development the console log is one JSON object per line, with the scopes: each request's
    /// <c>TraceId</c> and <c>SpanId</c> (the W3C ids a <c>traceparent</c> header brings, else new ones),
    /// <c>RequestId</c> and <c>RequestPath</c>, so a log search finds every line of one request and the
    /// trace it belongs to. <c>HeadlessReviews:Logging:Format</c> (<c>Json</c> or <c>Text</c>) overrides it.
    /// </summary>
    public static WebApplicationBuilder AddHeadlessReviewsLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["HeadlessReviews:Logging:Format"];
        var json = format is { Length: > 0 } ? string.Equals(format, "Json", StringComparison.OrdinalIgnoreCase) : !builder.Environment.IsDevelopment();
        if (!json) return builder;
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }
}
