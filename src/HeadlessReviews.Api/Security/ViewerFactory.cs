using HeadlessReviews.Api.Security.Authentication;

namespace HeadlessReviews.Api.Security;

/// <summary>
/// How each DI scope's <see cref="Viewer"/> is made (it is scoped: one per request, per subscription event,
/// per background job). Resolvers receive it as a service (<c>.Resolve().WithService&lt;Viewer&gt;()</c>).
/// </summary>
public static class ViewerFactory
{
    public static Viewer Create(IServiceProvider scope)
    {
        // A subscription event: answered for whoever subscribed, whatever HttpContext is current.
        if (scope.GetRequiredService<SubscriberIdentity>().Subscriber is { } subscriber) return subscriber;
        // A background job (scheduled publishing, an importer): whoever it said it acts as.
        if (scope.GetRequiredService<BackgroundActor>().Principal is { } job) return new Viewer(job, null);
        // An HTTP request, a WebSocket or an event stream: the identity its authentication made (none: anonymous),
        // and why a presented token was refused, for the error of a field that needs a role.
        var http = scope.GetRequiredService<IHttpContextAccessor>().HttpContext;
        return new Viewer(http?.User, http?.Items[BearerTokenHandler.FailureItem] as string);
    }
}
