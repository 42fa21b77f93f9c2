using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// The people and films already here, by <see cref="NameKey"/>, loaded once when an import starts, so that every post
/// finds "its" director without a query and the same actor in two reviewed films is one person. Shared by the posts in
/// flight at once: each sees what is committed and what it added itself (<see cref="PostCatalogue"/>); what a post adds
/// joins the index when the post commits. Two posts in flight never add the same name (<see cref="ImportLanes"/>).
/// </summary>
public sealed class CatalogueIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Guid> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Guid Id, int Year)>> _films = new(StringComparer.Ordinal);

    private CatalogueIndex(TakenSlugs slugs) => Slugs = slugs;

    /// <summary>The slugs taken, shared by every post.</summary>
    public TakenSlugs Slugs { get; }

    public static async Task<CatalogueIndex> LoadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var index = new CatalogueIndex(await TakenSlugs.LoadAsync(session, cancellationToken));
        foreach (var (id, name) in await session.AdvancedSql.QueryAsync<Guid, string>(
            $"select row(id), row(data ->> 'Name') from {Tables.People} order by id", cancellationToken))
            index._people.TryAdd(NameKey.Of(name), id);
        foreach (var (id, title, year) in await session.AdvancedSql.QueryAsync<Guid, string, int>(
            $"select row(id), row(data ->> 'Title'), row((data ->> 'Year')::int) from {Tables.Films} order by id", cancellationToken))
            index.FilmsOf(NameKey.Of(title)).Add((id, year));
        return index;
    }

    /// <summary>A new post's view of the catalogue.</summary>
    public PostCatalogue ForPost() => new(this);

    internal Guid? Person(string key)
    {
        lock (_lock) return _people.TryGetValue(key, out var id) ? id : null;
    }

    internal (Guid Id, int Year)[] Films(string key)
    {
        lock (_lock) return _films.TryGetValue(key, out var films) ? [.. films] : [];
    }

    /// <summary>Whether the person of this <see cref="NameKey"/> is here and committed: a post naming them can only match them.</summary>
    internal bool HasPerson(string key)
    {
        lock (_lock) return _people.ContainsKey(key);
    }


    internal void Add(IEnumerable<(string Key, Guid Id)> people, IEnumerable<(string Key, Guid Id, int Year)> films)
    {
        lock (_lock)
        {
            foreach (var (key, id) in people) _people.TryAdd(key, id);
            foreach (var (key, id, year) in films) FilmsOf(key).Add((id, year));
        }
    }

    private List<(Guid Id, int Year)> FilmsOf(string key)
    {
        if (!_films.TryGetValue(key, out var list)) _films[key] = list = [];
        return list;
    }
}
