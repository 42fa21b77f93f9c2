using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// The people and films already here, by <see cref="NameKey"/>, loaded once when an import starts, so that every post
/// finds "its" director without a query and the same actor in two reviewed films is one person. What a post adds is
/// staged until the post commits (<see cref="Commit"/>), and forgotten when it rolls back (<see cref="Discard"/>).
/// </summary>
public sealed class CatalogueIndex
{
    private readonly Dictionary<string, Guid> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Guid Id, int Year)>> _films = new(StringComparer.Ordinal);
    private readonly List<(string Key, Guid Id)> _stagedPeople = [];
    private readonly List<(string Key, Guid Id, int Year)> _stagedFilms = [];

    public static async Task<CatalogueIndex> LoadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var index = new CatalogueIndex();
        foreach (var (id, name) in await session.AdvancedSql.QueryAsync<Guid, string>(
            $"select row(id), row(data ->> 'Name') from {Tables.People} order by id", cancellationToken))
            index._people.TryAdd(NameKey.Of(name), id);
        foreach (var (id, title, year) in await session.AdvancedSql.QueryAsync<Guid, string, int>(
            $"select row(id), row(data ->> 'Title'), row((data ->> 'Year')::int) from {Tables.Films} order by id", cancellationToken))
            index.FilmsOf(NameKey.Of(title)).Add((id, year));
        return index;
    }

    public Guid? Person(string name)
    {
        var key = NameKey.Of(name);
        if (_people.TryGetValue(key, out var id)) return id;
        foreach (var (staged, stagedId) in _stagedPeople)
            if (staged == key) return stagedId;
        return null;
    }

    /// <summary>A film of this title, of this year when the year is known (else the only one of that title).</summary>
    public Guid? Film(string title, int? year)
    {
        var key = NameKey.Of(title);
        var candidates = (_films.GetValueOrDefault(key) ?? []).Concat(_stagedFilms.Where(f => f.Key == key).Select(f => (f.Id, f.Year))).ToList();
        if (year is { } known) return candidates.Where(f => f.Year == known).Select(f => (Guid?)f.Id).FirstOrDefault();
        return candidates.Count == 1 ? candidates[0].Id : null;
    }

    public void StagePerson(string name, Guid id) => _stagedPeople.Add((NameKey.Of(name), id));

    public void StageFilm(string title, int year, Guid id) => _stagedFilms.Add((NameKey.Of(title), id, year));

    public void Commit()
    {
        foreach (var (key, id) in _stagedPeople) _people.TryAdd(key, id);
        foreach (var (key, id, year) in _stagedFilms) FilmsOf(key).Add((id, year));
        Discard();
    }

    public void Discard()
    {
        _stagedPeople.Clear();
        _stagedFilms.Clear();
    }

    private List<(Guid Id, int Year)> FilmsOf(string key)
    {
        if (!_films.TryGetValue(key, out var list)) _films[key] = list = [];
        return list;
    }
}
