using HeadlessReviews.Api.Execution;
using Marten;

namespace HeadlessReviews.Api.Films;

/// <summary>Film cards by id (<see cref="FilmCards"/>), one round trip per batch: the films of a page of review cards.</summary>
public sealed class FilmCardsByIdLoader(IQuerySession session) : BatchLoader<Guid, Film?>
{
    protected override async Task<IReadOnlyDictionary<Guid, Film?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var films = await session.AdvancedSql.QueryAsync<Film>('^',
            $"select {FilmCards.Columns} from {FilmCards.From} where d.id = any(^)",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return films.ToDictionary(film => film.Id, film => (Film?)film);
    }
}
