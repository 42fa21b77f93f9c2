namespace HeadlessReviews.Api.Execution;

/// <summary>
/// In the DI scope of one subscription event (see <see cref="ScopePerEventStrategy"/>): the services of
/// the request that opened the subscription, for what an event must inherit rather than start afresh,
/// such as who is asking. Null in every other scope.
/// </summary>
public sealed class SubscribingRequest
{
    public IServiceProvider? Services { get; internal set; }
}
