using System.Diagnostics.Metrics;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>Delivery attempts, for <c>/metrics</c> and OTLP.</summary>
public static class WebhookMetrics
{
    public const string Name = "HeadlessReviews.Webhooks";
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "headlessreviews.webhooks.attempts",
        description: "Webhook delivery attempts by endpoint and outcome: delivered, failed (will retry) or given_up (the last attempt failed).");

    public static void Record(string endpoint, string? failure, bool givenUp) =>
        Attempts.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint),
            new KeyValuePair<string, object?>("outcome", failure is null ? "delivered" : givenUp ? "given_up" : "failed"));
}
