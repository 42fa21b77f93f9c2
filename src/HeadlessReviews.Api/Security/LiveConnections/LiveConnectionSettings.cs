using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>Bound from <c>HeadlessReviews</c>: how open sockets and event streams keep up with their tokens.</summary>
public sealed class LiveConnectionSettings
{
    public const string Section = "HeadlessReviews";

    /// <summary>
    /// The longest a WebSocket or event stream opened with a token goes on trusting what this instance
    /// last read of that token, should the announcement of a revocation or role change be missed (a
    /// listener reconnect); announcements act at once, and a new operation on a socket always reads afresh.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan TokenRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
