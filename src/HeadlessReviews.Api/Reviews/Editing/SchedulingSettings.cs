using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>Scheduled publishing, bound from <c>HeadlessReviews:Scheduling</c>.</summary>
public sealed class SchedulingSettings
{
    public const string Section = "HeadlessReviews:Scheduling";

    /// <summary>How often each instance looks for scheduled reviews that are due; a review goes public at most this late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
}
