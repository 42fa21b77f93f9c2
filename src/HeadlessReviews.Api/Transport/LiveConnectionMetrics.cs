using System.Diagnostics.Metrics;

namespace HeadlessReviews.Api.Transport;

/// <summary>The long-lived connections, for <c>/metrics</c> and OTLP: open now, and closed for reading too slowly.</summary>
public static class LiveConnectionMetrics
{
    public const string Name = "HeadlessReviews.Transport";
    private static readonly Meter Meter = new(Name);

    public static readonly UpDownCounter<long> Open = Meter.CreateUpDownCounter<long>(
        "headlessreviews.live.connections", description: "WebSockets and event streams open on this instance, by transport.");

    public static readonly Counter<long> SlowClientsClosed = Meter.CreateCounter<long>(
        "headlessreviews.live.slow_clients_closed", description: "Connections closed because their outbound buffer filled (1013, or the stream ended), by transport.");

    /// <summary>The transport label of a <see cref="ConnectionRegistry"/> kind.</summary>
    public static KeyValuePair<string, object?> Transport(string kind) => new("transport", kind);
}
