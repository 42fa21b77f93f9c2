using System.ComponentModel.DataAnnotations;
using System.Net;

namespace HeadlessReviews.Api.Telemetry;

/// <summary>The Prometheus scrape endpoint (<c>HeadlessReviews:Metrics</c>).</summary>
public sealed class MetricsSettings
{
    public const string Section = "HeadlessReviews:Metrics";

    /// <summary>Serve <see cref="Path"/>; off, nothing is collected unless OTLP export is on.</summary>
    public bool Enabled { get; set; } = true;

    [Required, RegularExpression("^/[A-Za-z0-9/_.-]*$")]
    public string Path { get; set; } = "/metrics";

    /// <summary>Addresses or CIDR ranges that may scrape (comma list); unset, anyone may, as with the health checks.</summary>
    public string? AllowedNetworks { get; set; }

    /// <summary>Distinct GraphQL operation names kept as a label; later names are counted as <c>other</c>, so clients cannot grow the series without bound.</summary>
    [Range(0, 10_000)]
    public int MaxOperationNames { get; set; } = 200;

    public IReadOnlyList<IPNetwork> AllowedNetworkList =>
        [.. (AllowedNetworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(entry) : new IPNetwork(IPAddress.Parse(entry), IPAddress.Parse(entry).GetAddressBytes().Length * 8))];
}
