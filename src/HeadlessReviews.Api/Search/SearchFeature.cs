using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Search;

public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchSettings>().BindConfiguration(SearchSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IQueryFields, SearchQueries>();
        return services;
    }
}
