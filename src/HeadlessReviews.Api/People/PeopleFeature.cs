using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using Marten;

namespace HeadlessReviews.Api.People;

public static class PeopleFeature
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.ConfigureMarten(PersonStorage.Configure);
        services.AddScoped<PeopleByIdLoader>();
        services.AddSingleton<IQueryFields, PersonQueries>();
        services.AddSingleton(new NodeSource("Person", (provider, id) => provider.GetRequiredService<PeopleByIdLoader>().Load(id).Then(person => (object?)person)));
        return services;
    }
}
