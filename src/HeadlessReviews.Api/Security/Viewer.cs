using System.Security.Claims;

namespace HeadlessReviews.Api.Security;

/// <summary>
/// Who is asking, for the rules about what they may see. One per request (scoped): loaders and lists
/// put these rules into their SQL, so hidden rows never leave the database.
/// </summary>
public sealed class Viewer(ClaimsPrincipal? user)
{
    public static Viewer Anonymous { get; } = new(null);

    public ClaimsPrincipal? User { get; } = user;

    public bool IsInRole(string role) => User?.IsInRole(role) == true;

    /// <summary>Drafts, scheduled and archived reviews: editors' work, not the public's.</summary>
    public bool CanSeeUnpublishedReviews => IsInRole(Roles.Editor) || IsInRole(Roles.Admin);

    /// <summary>Comments that are not approved, and commenters' e-mail addresses.</summary>
    public bool CanModerateComments => IsInRole(Roles.Moderator) || IsInRole(Roles.Admin);
}
