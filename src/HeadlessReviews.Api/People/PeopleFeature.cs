using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.People.Editing;
using HeadlessReviews.Api.People.Mutations;
using Marten;

namespace HeadlessReviews.Api.People;

public static class PeopleFeature
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddSingleton<IAnnouncedNode, PersonAnnouncedNode>();
        services.ConfigureMarten(PersonStorage.Configure);
        services.AddScoped<PeopleByIdLoader>();
        services.AddScoped<PersonIdsBySlugLoader>();
        services.AddSingleton<IQueryFields, PersonQueries>();
        services.AddScoped<IFieldRules<Person, PersonFields>, PersonEditor>();
        services.AddScoped<CreatePerson>();
        services.AddScoped<UpdatePerson>();
        services.AddScoped<DeletePerson>();
        services.AddSingleton<IMutationFields, PersonMutations>();
        services.AddSingleton(new NodeSource("Person", (provider, id) => provider.GetRequiredService<PeopleByIdLoader>().Load(id).Then(person => (object?)person)));
        return services;
    }
}
