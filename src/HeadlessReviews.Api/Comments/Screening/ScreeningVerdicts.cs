namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>How findings and verdicts combine: the worst wins, Spam over Unsure over Ham; every reason is kept.</summary>
public static class ScreeningVerdicts
{
    public static ScreeningResult Combine(IEnumerable<ScreeningFinding> findings)
    {
        var list = findings.ToList();
        var verdict = list.Aggregate(SpamVerdict.Ham, (worst, finding) => Worst(worst, finding.Verdict));
        return new ScreeningResult(verdict, [.. list.Select(finding => finding.Reason)]);
    }

    public static SpamVerdict Worst(SpamVerdict a, SpamVerdict b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(SpamVerdict verdict) => verdict switch
    {
        SpamVerdict.Spam => 2,
        SpamVerdict.Unsure => 1,
        _ => 0,
    };
}
