namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>Where an import stands: items and comments done of those the first pass counted, and the pace so far.</summary>
public sealed record ImportProgress(string Phase, int ItemsDone, int ItemsTotal, int CommentsDone, int CommentsTotal, TimeSpan Elapsed)
{
    public double ItemsPerSecond => Elapsed.TotalSeconds > 0 ? ItemsDone / Elapsed.TotalSeconds : 0;

    /// <summary>At the pace so far; null until there is one.</summary>
    public TimeSpan? Remaining => ItemsDone > 0 && ItemsTotal >= ItemsDone
        ? TimeSpan.FromSeconds(Elapsed.TotalSeconds / ItemsDone * (ItemsTotal - ItemsDone))
        : null;
}
