namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>A verdict and the reasons for it, stored on the comment for moderators.</summary>
public sealed record ScreeningResult(SpamVerdict Verdict, IReadOnlyList<string> Reasons);
