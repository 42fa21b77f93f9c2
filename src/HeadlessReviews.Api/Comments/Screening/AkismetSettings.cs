using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// The optional Akismet-compatible checker, bound from <c>HeadlessReviews:Akismet</c>; off without a key.
/// Every timing is bounded so that posting stays responsive when the checker is slow.
/// </summary>
public sealed class AkismetSettings
{
    public const string Section = "HeadlessReviews:Akismet";

    public string? Key { get; set; }

    [Required]
    public Uri BaseUrl { get; set; } = new("https://rest.akismet.com");

    /// <summary>The site as Akismet knows it (<c>blog</c>); defaults to the permalink's origin.</summary>
    public string? Blog { get; set; }

    /// <summary>The most one check may take, retries included; past it the comment is held as Unsure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(3);

    [Range(typeof(TimeSpan), "00:00:00.05", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1);

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base of the exponential back-off between attempts, jittered.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The circuit opens when this share of calls fails within <see cref="BreakerSampling"/>, given <see cref="BreakerMinimumCalls"/> calls.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 1_000)]
    public int BreakerMinimumCalls { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers at once without calling the checker.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Key);
}
