namespace HeadlessReviews.Api.Accounts;

/// <summary>Bound from <c>HeadlessReviews</c>: <c>HeadlessReviews__AdminToken</c> is a bootstrap secret with the ADMIN role.</summary>
public sealed class AccountSettings
{
    public const string Section = "HeadlessReviews";

    /// <summary>A secret that authenticates as ADMIN without a stored token, to create the first tokens. Unset: no bootstrap identity.</summary>
    public string? AdminToken { get; set; }

    /// <summary>How often a token's last-used time is written at most (a write per request would cost more than the request).</summary>
    public TimeSpan LastUsedResolution { get; set; } = TimeSpan.FromMinutes(1);
}
