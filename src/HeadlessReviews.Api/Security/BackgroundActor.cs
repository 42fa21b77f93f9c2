using System.Security.Claims;

namespace HeadlessReviews.Api.Security;

/// <summary>
/// Who acts in a DI scope that no request opened (a background job): set once when the scope starts,
/// it is the <see cref="Viewer"/> of that scope, so the job's changes are checked and recorded under
/// its own name ("Scheduled publishing") rather than as anonymous.
/// </summary>
public sealed class BackgroundActor
{
    public ClaimsPrincipal? Principal { get; private set; }

    public void ActAs(string name, params string[] roles)
    {
        var identity = new ClaimsIdentity("background", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        foreach (var role in roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        Principal = new ClaimsPrincipal(identity);
    }
}
