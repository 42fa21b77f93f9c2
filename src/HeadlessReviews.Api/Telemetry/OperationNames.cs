using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Telemetry;

/// <summary>
/// The operation names metrics are labelled with: clients choose them, so only the first
/// <see cref="MetricsSettings.MaxOperationNames"/> distinct ones are kept and the rest are <c>other</c>
/// (each series costs memory here and in Prometheus).
/// </summary>
public sealed class OperationNames(IOptions<MetricsSettings> settings)
{
    public const string Other = "other";
    private const int MaxLength = 100;

    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    public string? Label(string? name)
    {
        if (name is null) return null;
        if (name.Length > MaxLength) return Other;
        if (_known.ContainsKey(name)) return name;
        // Racing first uses may admit a few past the limit: still bounded.
        if (_known.Count >= settings.Value.MaxOperationNames) return Other;
        _known.TryAdd(name, 0);
        return name;
    }
}
