using System.Diagnostics.Metrics;

namespace HeadlessReviews.Api.Telemetry;

/// <summary>
/// Histogram buckets for durations in seconds, 1 ms to 10 s (ASP.NET Core's own, with 1 ms added): the
/// SDK's default boundaries (0, 5, 10 … 10,000) suit milliseconds and would put every operation in one bucket.
/// </summary>
public static class LatencyBuckets
{
    public static InstrumentAdvice<double> Seconds { get; } = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    };
}
