using GraphQL.DI;
using Marten;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

public static class PersistedDocumentsFeature
{
    public static IServiceCollection AddPersistedDocuments(this IServiceCollection services)
    {
        services.AddOptions<PersistedDocumentSettings>().BindConfiguration(PersistedDocumentSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureMarten(PersistedDocumentStorage.Configure);
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton<PersistedDocumentRegistrations>();
        services.AddSingleton<IConfigureExecution, PersistedDocumentResolver>();
        return services;
    }

    public static IEndpointRouteBuilder MapPersistedDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PersistedDocumentsEndpoint.Path, PersistedDocumentsEndpoint.HandleAsync);
        return endpoints;
    }
}
