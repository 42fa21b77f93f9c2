using System.Diagnostics.Metrics;

namespace HeadlessReviews.Api.RateLimiting;

/// <summary>Requests refused by a shared rate limit, for <c>/metrics</c> and OTLP.</summary>
public static class RateLimitMetrics
{
    public const string Name = "HeadlessReviews.RateLimiting";
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "headlessreviews.rate_limit.refusals", description: "Requests refused by a shared rate limit, by scope (comment posts, document registrations…).");
}
