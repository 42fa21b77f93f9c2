using System.Diagnostics.Metrics;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Screening verdicts, for <c>/metrics</c> and OTLP.</summary>
public static class ScreeningMetrics
{
    public const string Name = "HeadlessReviews.Comments";
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Verdicts = Meter.CreateCounter<long>(
        "headlessreviews.comments.spam_verdicts", description: "Comments screened, by verdict (ham, spam, unsure).");

    public static ScreeningResult Counted(ScreeningResult result)
    {
        Verdicts.Add(1, new KeyValuePair<string, object?>("verdict", result.Verdict.ToString().ToLowerInvariant()));
        return result;
    }
}
