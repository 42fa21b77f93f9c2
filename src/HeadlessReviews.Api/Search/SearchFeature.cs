using HeadlessReviews.Api.Graph;
using Marten;

namespace HeadlessReviews.Api.Search;

public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchSettings>().BindConfiguration(SearchSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IQueryFields, SearchQueries>();
        services.ConfigureMarten(StoredSearchVectors.Configure);
        return services;
    }
}
