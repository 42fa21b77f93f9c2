using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Films;

/// <summary>The films each person is credited on (any role), oldest first; one round trip per batch of people.</summary>
public sealed class FilmsByPersonLoader(IQuerySession session) : BatchLoader<Guid, IReadOnlyList<Film>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Film>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        // && on the GIN-indexed uuid[] column finds every film crediting any of the people.
        var films = await session.QueryAsync<Film>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Films} d where d.credited_person_ids && ^ order by d.year, d.data->>'Title', d.id",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return keys.ToDictionary(
            person => person,
            person => (IReadOnlyList<Film>)[.. films.Where(film => film.CreditedPersonIds.Contains(person))]);
    }

    protected override IReadOnlyList<Film> Missing(Guid key) => [];
}
