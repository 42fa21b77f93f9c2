using HeadlessReviews.Api.Execution;
using Marten;

namespace HeadlessReviews.Api.Films;

/// <summary>Films by id, one round trip per batch.</summary>
public sealed class FilmsByIdLoader(IQuerySession session) : BatchLoader<Guid, Film?>
{
    protected override async Task<IReadOnlyDictionary<Guid, Film?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var films = await session.LoadManyAsync<Film>(cancellationToken, keys).ConfigureAwait(false);
        return films.ToDictionary(film => film.Id, film => (Film?)film);
    }
}
