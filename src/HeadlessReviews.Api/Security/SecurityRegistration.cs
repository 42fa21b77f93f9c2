using HeadlessReviews.Api.Security.Authentication;
using HeadlessReviews.Api.Security.LiveConnections;
using HeadlessReviews.Api.Transport;
using HeadlessReviews.Api.Transport.WebSockets;
using Microsoft.AspNetCore.Authentication;

namespace HeadlessReviews.Api.Security;

public static class SecurityRegistration
{
    /// <summary>
    /// Who is calling, for every transport: authentication (HTTP bearer, the WebSocket <c>connection_init</c>
    /// payload), the scoped <see cref="Viewer"/>, and the re-checks of open connections and subscription events.
    /// Dependencies run one way: Accounts (and every feature) uses Security; Security knows stored tokens only
    /// through <see cref="IApiTokenDirectory"/>, which Accounts implements, and plugs into the transport through
    /// the transport's own interfaces (<see cref="IConnectionInitHandler"/>, <see cref="IConnectionIdentity"/>).
    /// </summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddOptions<LiveConnectionSettings>().BindConfiguration(LiveConnectionSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<SubscriberIdentity>();
        services.AddScoped<BackgroundActor>();
        services.AddScoped(ViewerFactory.Create);

        services.AddSingleton<TokenAuthenticator>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddSingleton<IConnectionInitHandler, TokenConnectionInit>();

        // What long-lived connections know of their tokens, kept true by announcements (ApiTokenChanged).
        services.AddSingleton<ApiTokenStates>();
        services.AddSingleton<IIdentityRecheck, ApiTokenRecheck>();
        services.AddSingleton<TokenConnectionIdentity>();
        services.AddSingleton<IConnectionIdentity>(provider => provider.GetRequiredService<TokenConnectionIdentity>());
        services.AddHostedService<TokenConnectionWatch>();
        return services;
    }
}
