using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using Marten;

namespace HeadlessReviews.Api.Reviews;

public static class ReviewsFeature
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.ConfigureMarten(ReviewStorage.Configure);
        services.AddScoped<ReviewsByIdLoader>();
        services.AddScoped<ReviewsByFilmLoader>();
        services.AddSingleton<IQueryFields, ReviewQueries>();
        services.AddSingleton(new NodeSource("Review", (provider, id) => provider.GetRequiredService<ReviewsByIdLoader>().Load(id).Then(review => (object?)review)));
        return services;
    }
}
