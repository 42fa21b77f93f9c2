using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>Standby lag and where reads went, for <c>/metrics</c> and OTLP.</summary>
public static class ReplicaMetrics
{
    public const string Name = "HeadlessReviews.Replicas";
    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<StandbyLag, byte> Monitors = new();

    public static readonly Counter<long> Sessions = Meter.CreateCounter<long>(
        "headlessreviews.replica.sessions",
        description: "Anonymous query sessions by where they read: read_only (ConnectionStrings:ReviewsReadOnly, where Npgsql picks the host), or primary and why (lagging: a read-only host is behind or lost; recent_change: this instance just heard of a change).");

    static ReplicaMetrics()
    {
        Meter.CreateObservableGauge("headlessreviews.replica.lag", () => Each<double>(host => host.Last?.LagSeconds is { } lag ? new Measurement<double>(lag, Host(host)) : null),
            unit: "s", description: "How far each read-only host is behind the primary (0: caught up, or not a standby), by host; absent while unreachable.");
        Meter.CreateObservableGauge("headlessreviews.replica.reachable", () => Each<long>(host => host.Last is { } last ? new Measurement<long>(last.Reachable ? 1 : 0, Host(host)) : null),
            description: "1 when the last measurement of a read-only host succeeded, else 0, by host.");
    }

    public static void Track(StandbyLag monitor) => Monitors[monitor] = 0;

    public static void Untrack(StandbyLag monitor) => Monitors.TryRemove(monitor, out _);

    private static IEnumerable<Measurement<T>> Each<T>(Func<StandbyHost, Measurement<T>?> measure) where T : struct =>
        Monitors.Keys.SelectMany(monitor => monitor.Hosts).Select(measure).OfType<Measurement<T>>();

    private static KeyValuePair<string, object?> Host(StandbyHost host) => new("host", host.Name);
}
