using GraphQL;
using GraphQL.Execution;
using HeadlessReviews.Api.Security;
using Microsoft.Extensions.Options;
using HeadlessReviews.Api.Security.LiveConnections;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Runs subscriptions so that each event's selection set is resolved in a DI scope of its own, one
/// field at a time (a Marten session is not thread-safe). The event resolves as its subscriber, and only
/// while the subscriber's token still allows it: see <see cref="SubscriberIdentity"/>; a subscription
/// whose token was revoked or lost a role since it started ends with that error instead, and nothing of
/// the event is resolved. Each event is answered within <see cref="ExecutionSettings.Timeout"/> (one that
/// is not is answered with a <c>TIMEOUT</c> error, and the stream goes on), and so is the subscribe step,
/// which resolves the source stream; the stream itself lives as long as the subscriber wants.
/// </summary>
public sealed class ScopePerEventStrategy(IServiceScopeFactory scopes, IOptions<ExecutionSettings> settings, IIdentityRecheck? identities = null) : SubscriptionExecutionStrategy(new SerialExecutionStrategy())
{
    // GraphQL.NET hands each event a copy of the subscription's context, so the scope set here ends with
    // the event; the subscription's own context keeps the subscribing request's services throughout
    // (stream errors are reported with those, as nothing is resolved for them).
    // The base clones the context for events with their own tokens, so the timer set here ends with the subscribe step.
    protected override async Task<IObservable<ExecutionResult>?> ResolveResponseStreamAsync(ExecutionContext context, ExecutionNode node)
    {
        var timeout = settings.Value.Timeout;
        if (timeout <= TimeSpan.Zero) return await base.ResolveResponseStreamAsync(context, node);
        var caller = context.CancellationToken;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(caller);
        timer.CancelAfter(timeout);
        context.CancellationToken = timer.Token;
        try
        {
            return await base.ResolveResponseStreamAsync(context, node);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            context.Errors.Add(ExecutionTimeout.TimedOutError(timeout));
            return null;
        }
        finally
        {
            context.CancellationToken = caller;
        }
    }

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        // Thrown, not returned: GraphQL.NET hands an exception from here to the observer's OnError, and
        // the transports send it as the stream's last result and end the stream.
        if (await SubscriberIdentity.WithdrawnAsync(context.RequestServices!, identities, context.CancellationToken) is { } withdrawn) throw withdrawn;
        // A scope per event, not per subscription: loaders cache what they read, and a later event must see later edits.
        await using var scope = scopes.CreateAsyncScope();
        SubscriberIdentity.CarryInto(scope.ServiceProvider, context.RequestServices!);
        context.RequestServices = scope.ServiceProvider;
        return await ExecutionTimeout.RunAsync(context, settings.Value.Timeout, each => base.ProcessDataAsync(each, node, value).AsTask());
    }
}
