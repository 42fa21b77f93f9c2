using System.Security.Claims;
using GraphQL;
using HeadlessReviews.Api.Security.Authentication;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>How an identity made from a token earlier compares with the token as it is now.</summary>
public abstract record ApiTokenStanding
{
    /// <summary>Nothing changed that matters: the token works and has every role the identity has.</summary>
    public sealed record Holds : ApiTokenStanding;

    /// <summary>The token gained roles: <paramref name="User"/> is the identity it makes now.</summary>
    public sealed record Widened(ClaimsPrincipal User) : ApiTokenStanding;

    /// <summary>Revoked, deleted, or a role taken away: nothing more may run as the old identity.</summary>
    public sealed record Withdrawn(ExecutionError Error) : ApiTokenStanding;

    /// <summary>Judges <paramref name="user"/> (made from a token) against the token's state now; null state: the token no longer exists.</summary>
    public static ApiTokenStanding Of(ClaimsPrincipal user, ApiTokenState? state)
    {
        if (state is null) return new Withdrawn(Refusal(AccessErrors.NotAuthenticated, "The API token is not known."));
        if (state.IsRevoked) return new Withdrawn(Refusal(AccessErrors.NotAuthenticated, "The API token has been revoked."));
        var held = user.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        if (!held.IsSubsetOf(state.Roles))
            return new Withdrawn(Refusal(AccessErrors.NotAuthorized,
                $"The API token's roles changed to {string.Join(", ", state.Roles)}; connect or subscribe again to continue with them."));
        return held.SetEquals(state.Roles) ? new Holds() : new Widened(TokenAuthenticator.Principal(state));
    }

    private static ExecutionError Refusal(string code, string message) => new(message) { Code = code };
}
