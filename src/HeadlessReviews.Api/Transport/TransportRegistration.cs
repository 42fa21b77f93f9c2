using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeadlessReviews.Api.Transport;

public static class TransportRegistration
{
    public static IServiceCollection AddGraphQLHttp<TSchema>(this IServiceCollection services) where TSchema : ISchema
    {
        services.AddOptions<GraphQLHttpSettings>().BindConfiguration(GraphQLHttpSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CacheableGetResponse>();
        services.AddOptions<ResponseCacheSettings>().BindConfiguration(ResponseCacheSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<GraphQLHttpEndpoint<TSchema>>();
        return services;
    }

    /// <summary>GET and POST on <paramref name="path"/>; other methods are answered 405 by routing.</summary>
    public static IEndpointRouteBuilder MapGraphQLHttp<TSchema>(this IEndpointRouteBuilder endpoints, string path) where TSchema : ISchema
    {
        endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, GraphQLHttpEndpoint<TSchema> endpoint) => endpoint.HandleAsync(context));
        return endpoints;
    }
}
