using System.Diagnostics.Metrics;

namespace HeadlessReviews.Api.Realtime;

/// <summary>What the event bus counts, for <c>/metrics</c> and OTLP (listed as Prometheus shows them in the README, "Deploying", "Metrics").</summary>
public static class RealtimeMetrics
{
    public const string Name = "HeadlessReviews.Realtime";
    private static readonly Meter Meter = new(Name);

    public static readonly UpDownCounter<long> Subscriptions = Meter.CreateUpDownCounter<long>(
        "headlessreviews.subscriptions.active", description: "Subscriptions (GraphQL subscription operations) open on this instance, by topic.");

    public static readonly Counter<long> EventsDropped = Meter.CreateCounter<long>(
        "headlessreviews.subscriptions.events_dropped", description: "Events a subscriber missed because its buffer was full, by topic.");

    public static readonly Histogram<double> NotifyLag = Meter.CreateHistogram<double>(
        "headlessreviews.realtime.notify.lag", unit: "s",
        description: "From an event being queued by the writing instance (before its commit) to this instance receiving its NOTIFY; across instances it includes their clocks' difference.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static readonly Counter<long> ListenerReconnects = Meter.CreateCounter<long>(
        "headlessreviews.realtime.listener.reconnects", description: "Times the LISTEN connection was re-established after a loss.");

    public static readonly Counter<double> ListenerGap = Meter.CreateCounter<double>(
        "headlessreviews.realtime.listener.gap", unit: "s", description: "Time the LISTEN connection was lost, when events may have been missed.");

    public static readonly UpDownCounter<long> Listening = Meter.CreateUpDownCounter<long>(
        "headlessreviews.realtime.listener.listening", description: "1 while the LISTEN connection is up (summed over the hosts of a process).");
}
