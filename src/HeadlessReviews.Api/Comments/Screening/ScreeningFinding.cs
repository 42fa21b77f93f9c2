namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>What one rule found: how bad it is (<see cref="SpamVerdict.Spam"/> or <see cref="SpamVerdict.Unsure"/>) and why, for moderators.</summary>
public sealed record ScreeningFinding(SpamVerdict Verdict, string Reason)
{
    public static ScreeningFinding Spam(string reason) => new(SpamVerdict.Spam, reason);
    public static ScreeningFinding Unsure(string reason) => new(SpamVerdict.Unsure, reason);
}
