using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>How long spam is kept for review, bound from <c>HeadlessReviews:Comments:SpamRetention</c>.</summary>
public sealed class SpamRetentionSettings
{
    public const string Section = "HeadlessReviews:Comments:SpamRetention";

    /// <summary>Spam is deleted this long after it was judged (moderated, else posted).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often an instance tries to clean up; only one instance at a time does.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled { get; set; } = true;
}
