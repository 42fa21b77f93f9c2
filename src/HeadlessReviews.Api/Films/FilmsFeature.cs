using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Films.Editing;
using HeadlessReviews.Api.Films.Mutations;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.People;
using Marten;

namespace HeadlessReviews.Api.Films;

public static class FilmsFeature
{
    public static IServiceCollection AddFilms(this IServiceCollection services)
    {
        services.ConfigureMarten(FilmStorage.Configure);
        services.ConfigureMarten(FilmCards.Configure);
        services.AddScoped<FilmsByIdLoader>();
        services.AddScoped<FilmCardsByIdLoader>();
        services.AddScoped<FilmReadAlong>();
        services.AddSingleton<IAnnouncedNode, FilmAnnouncedNode>();
        services.AddScoped<FilmIdsBySlugLoader>();
        services.AddScoped<FilmsByPersonLoader>();
        services.AddSingleton<IQueryFields, FilmQueries>();
        services.AddSingleton<ITypeFields<PersonType>, PersonFilmFields>();
        services.AddScoped<IFieldRules<Film, FilmFields>, FilmEditor>();
        services.AddScoped<CreateFilm>();
        services.AddScoped<UpdateFilm>();
        services.AddScoped<DeleteFilm>();
        services.AddScoped<IDeletionCascade<Person>, CreditsOfDeletedPerson>();
        services.AddSingleton<IMutationFields, FilmMutations>();
        services.AddSingleton(new NodeSource("Film", (provider, id) => provider.GetRequiredService<FilmsByIdLoader>().Load(id).Then(film => (object?)film)));
        return services;
    }
}
