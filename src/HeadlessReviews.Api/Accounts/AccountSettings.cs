using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Accounts;

/// <summary>Bound from <c>HeadlessReviews</c>: <c>HeadlessReviews__AdminToken</c> is a bootstrap secret with the ADMIN role.</summary>
public sealed class AccountSettings
{
    public const string Section = "HeadlessReviews";

    /// <summary>A secret that authenticates as ADMIN without a stored token, to create the first tokens. Unset: no bootstrap identity.</summary>
    public string? AdminToken { get; set; }

    /// <summary>How often a token's last-used time is written at most (a write per request would cost more than the request).</summary>
    public TimeSpan LastUsedResolution { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest a WebSocket or event stream opened with a token goes on trusting what this instance
    /// last read of that token, should the announcement of a revocation or role change be missed (a
    /// listener reconnect); announcements act at once, and a new operation on a socket always reads afresh.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan TokenRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
