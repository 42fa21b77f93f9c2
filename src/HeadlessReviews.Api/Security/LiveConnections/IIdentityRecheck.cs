using System.Security.Claims;
using GraphQL;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>
/// Whether an identity established earlier (when a socket or event stream opened) still holds now, for
/// checks made while a subscription runs: null when it does, or the access error to end with (its token
/// was revoked, or lost a role the identity has).
/// </summary>
public interface IIdentityRecheck
{
    ValueTask<ExecutionError?> WithdrawnAsync(ClaimsPrincipal? user, CancellationToken cancellationToken);
}
