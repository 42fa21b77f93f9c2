using GraphQL;

namespace HeadlessReviews.Api.Security;

/// <summary>The two errors of access control, with the codes clients branch on.</summary>
public static class AccessErrors
{
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>Null when the viewer holds one of the roles (or ADMIN); otherwise the error to report.</summary>
    public static ExecutionError? Check(Viewer viewer, IReadOnlyCollection<string> roles, string what)
    {
        if (viewer.HasAnyRole(roles)) return null;
        var needed = string.Join(" or ", roles.Append(Roles.Admin).Distinct());
        if (!viewer.IsAuthenticated)
        {
            var reason = viewer.AuthenticationFailure is { } failure ? $"{failure} " : "";
            return new ExecutionError($"{reason}{what} needs an API token with the role {needed}: send `Authorization: Bearer <token>`.") { Code = NotAuthenticated };
        }
        return new ExecutionError($"{what} needs the role {needed}; this token has {string.Join(", ", RolesOf(viewer))}.") { Code = NotAuthorized };
    }

    private static List<string> RolesOf(Viewer viewer)
    {
        var roles = new[] { Roles.Editor, Roles.Moderator, Roles.Preview, Roles.Admin }.Where(viewer.IsInRole).ToList();
        return roles.Count == 0 ? ["no role"] : roles;
    }
}
