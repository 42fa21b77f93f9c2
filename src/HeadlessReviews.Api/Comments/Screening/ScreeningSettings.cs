using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Thresholds of the local spam rules, bound from <c>HeadlessReviews:Comments:Screening</c>.</summary>
public sealed class ScreeningSettings
{
    public const string Section = "HeadlessReviews:Comments:Screening";

    /// <summary>Links a comment may carry before it is held (Unsure); <see cref="SpamLinks"/> or more is Spam.</summary>
    [Range(0, 1_000)]
    public int MaxLinks { get; set; } = 2;

    [Range(1, 1_000)]
    public int SpamLinks { get; set; } = 5;

    /// <summary>Phrases that mark spam wherever they appear (body, name, URL), compared case-insensitively.</summary>
    public List<string> SpamPhrases { get; set; } =
    [
        "viagra", "cialis", "online casino", "payday loan", "buy followers", "seo services",
        "replica watches", "crypto giveaway", "work from home and earn", "click here to claim",
    ];

    /// <summary>Domains (and their subdomains) that mark spam when linked or given as the author's URL.</summary>
    public List<string> SpamDomains { get; set; } = ["1xbet.com", "mostbet.com", "bestseoservices.example"];

    /// <summary>The same body (ignoring case and spacing) posted this many times within <see cref="RepeatedBodyWindow"/>, on any review, is Spam.</summary>
    [Range(2, 1_000)]
    public int RepeatedBodyCount { get; set; } = 3;

    public TimeSpan RepeatedBodyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Bodies shorter than this ("Great film!") repeat innocently: a repeat is only Unsure.</summary>
    [Range(0, 10_000)]
    public int RepeatedBodyMinLength { get; set; } = 20;

    /// <summary>Posting sooner than this after the page's comment token was issued is faster than a person types.</summary>
    public TimeSpan MinTimeToPost { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>More than this many comments from one address or e-mail within <see cref="FloodWindow"/> is held; twice as many is Spam.</summary>
    [Range(1, 10_000)]
    public int FloodCount { get; set; } = 5;

    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromMinutes(10);
}
