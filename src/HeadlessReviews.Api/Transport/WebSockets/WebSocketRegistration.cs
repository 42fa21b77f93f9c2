using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeadlessReviews.Api.Transport.WebSockets;

public static class WebSocketRegistration
{
    public static IServiceCollection AddGraphQLWebSockets<TSchema>(this IServiceCollection services) where TSchema : ISchema
    {
        services.AddOptions<GraphQLWebSocketSettings>().BindConfiguration(GraphQLWebSocketSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ConnectionRegistry>();
        services.AddSingleton<GraphQLWebSocketEndpoint<TSchema>>();
        return services;
    }

    /// <summary>
    /// WebSocket upgrade requests to <paramref name="path"/> go to the <c>graphql-transport-ws</c>
    /// endpoint; every other request (a plain GET of the same path included) continues down the
    /// pipeline to its HTTP meaning. Place after authentication, so a handshake's bearer token counts.
    /// </summary>
    public static IApplicationBuilder UseGraphQLWebSockets<TSchema>(this IApplicationBuilder app, PathString path) where TSchema : ISchema
    {
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest && context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
                await context.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint<TSchema>>().HandleAsync(context);
            else
                await next(context);
        });
        return app;
    }
}
