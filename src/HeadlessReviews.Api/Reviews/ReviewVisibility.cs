using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// The one rule for which reviews a caller may see: the public sees published ones only; editors see
/// drafts, scheduled and archived reviews too. Every read path goes through it, in SQL or in memory.
/// </summary>
public static class ReviewVisibility
{
    /// <summary>A SQL condition over the review table aliased <paramref name="alias"/>.</summary>
    public static string Sql(Viewer viewer, string alias = "d") =>
        viewer.CanSeeUnpublishedReviews ? "true" : $"{alias}.status = '{nameof(ReviewStatus.Published)}'";

    public static bool CanSee(this Viewer viewer, Review review) => viewer.CanSeeUnpublishedReviews || review.IsPublished;
}
