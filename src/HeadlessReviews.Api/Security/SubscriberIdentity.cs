namespace HeadlessReviews.Api.Security;

/// <summary>
/// How a subscription event resolves as its subscriber. Each event is resolved in a DI scope of its own
/// (<see cref="Execution.ScopePerEventStrategy"/>), which no request opened; before anything of the event
/// is resolved, the strategy hands that scope the <see cref="Viewer"/> of the request that subscribed
/// (<see cref="CarryInto"/>), and <see cref="ViewerFactory"/> answers it as the scope's viewer, whatever
/// HttpContext is current. Null in every other scope.
/// </summary>
public sealed class SubscriberIdentity
{
    public Viewer? Subscriber { get; private set; }

    /// <summary>Makes the viewer of <paramref name="subscription"/> (the subscribing request's services) the viewer of <paramref name="eventScope"/>.</summary>
    public static void CarryInto(IServiceProvider eventScope, IServiceProvider subscription) =>
        eventScope.GetRequiredService<SubscriberIdentity>().Subscriber = subscription.GetRequiredService<Viewer>();
}
