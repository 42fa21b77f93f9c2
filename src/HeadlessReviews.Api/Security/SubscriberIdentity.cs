using GraphQL;
using HeadlessReviews.Api.Security.LiveConnections;

namespace HeadlessReviews.Api.Security;

/// <summary>
/// How a subscription event resolves as its subscriber. Each event is resolved in a DI scope of its own
/// (<see cref="Execution.ScopePerEventStrategy"/>), which no request opened; before anything of the event
/// is resolved, the strategy hands that scope the <see cref="Viewer"/> of the request that subscribed
/// (<see cref="CarryInto"/>), and <see cref="ViewerFactory"/> answers it as the scope's viewer, whatever
/// HttpContext is current (null in every other scope). And first, the subscriber's identity is checked
/// again (<see cref="WithdrawnAsync"/>): a token revoked or narrowed since ends the subscription instead.
/// </summary>
public sealed class SubscriberIdentity
{
    public Viewer? Subscriber { get; private set; }

    /// <summary>Null when the subscriber (the viewer of <paramref name="subscription"/>) may still receive events; otherwise the error to end with.</summary>
    public static async ValueTask<ExecutionError?> WithdrawnAsync(IServiceProvider subscription, IIdentityRecheck? recheck, CancellationToken cancellationToken) =>
        recheck is null ? null : await recheck.WithdrawnAsync(subscription.GetRequiredService<Viewer>().User, cancellationToken);

    /// <summary>Makes the viewer of <paramref name="subscription"/> (the subscribing request's services) the viewer of <paramref name="eventScope"/>.</summary>
    public static void CarryInto(IServiceProvider eventScope, IServiceProvider subscription) =>
        eventScope.GetRequiredService<SubscriberIdentity>().Subscriber = subscription.GetRequiredService<Viewer>();
}
