using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeadlessReviews.Api.Transport.ServerSentEvents;

public static class SseRegistration
{
    /// <summary>
    /// Serves GraphQL-over-HTTP requests that accept <c>text/event-stream</c> as <c>graphql-sse</c>
    /// event streams (distinct connections mode), on the path of <c>MapGraphQLHttp</c>.
    /// </summary>
    public static IServiceCollection AddGraphQLServerSentEvents<TSchema>(this IServiceCollection services) where TSchema : ISchema
    {
        services.AddOptions<GraphQLSseSettings>().BindConfiguration(GraphQLSseSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ConnectionRegistry>();
        services.AddSingleton<GraphQLSseEndpoint<TSchema>>();
        return services;
    }
}
