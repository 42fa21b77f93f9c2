using System.Security.Claims;
using GraphQL;
using HeadlessReviews.Api.Security.Authentication;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>
/// The check made on each subscription event: the subscriber's token as this instance knows it (see
/// <see cref="ApiTokenStates"/>), so an event is never resolved for a token revoked or narrowed since.
/// </summary>
public sealed class ApiTokenRecheck(ApiTokenStates states) : IIdentityRecheck
{
    public async ValueTask<ExecutionError?> WithdrawnAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (user is null || TokenAuthenticator.TokenIdOf(user) is not { } id) return null;
        return ApiTokenStanding.Of(user, await states.GetAsync(id, cancellationToken)) is ApiTokenStanding.Withdrawn withdrawn ? withdrawn.Error : null;
    }
}
