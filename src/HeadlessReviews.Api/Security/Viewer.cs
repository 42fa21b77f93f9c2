using System.Security.Claims;

namespace HeadlessReviews.Api.Security;

/// <summary>
/// Who is asking, for the rules about what they may see. One per request (scoped): loaders and lists
/// put these rules into their SQL, so hidden rows never leave the database.
/// </summary>
/// <param name="user">The authenticated identity; null or unauthenticated for anonymous readers.</param>
/// <param name="authenticationFailure">Why a presented token was not accepted, if one was.</param>
public sealed class Viewer(ClaimsPrincipal? user, string? authenticationFailure = null)
{
    public static Viewer Anonymous { get; } = new(null);

    public ClaimsPrincipal? User { get; } = user;

    public string? AuthenticationFailure { get; } = authenticationFailure;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    /// <summary>Who to name in history and audit records.</summary>
    public string Name => IsAuthenticated ? User!.Identity!.Name ?? "unknown" : "anonymous";

    public bool IsInRole(string role) => IsAuthenticated && User!.IsInRole(role);

    /// <summary>ADMIN holds every role.</summary>
    public bool HasAnyRole(IEnumerable<string> roles) => IsInRole(Roles.Admin) || roles.Any(IsInRole);

    /// <summary>Drafts, scheduled and archived reviews: editors' work, not the public's (preview frontends read them too).</summary>
    public bool CanSeeUnpublishedReviews => HasAnyRole([Roles.Editor, Roles.Preview]);

    /// <summary>Comments that are not approved, and commenters' e-mail addresses.</summary>
    public bool CanModerateComments => HasAnyRole([Roles.Moderator]);
}
