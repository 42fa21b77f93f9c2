namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// One post's view of the <see cref="CatalogueIndex"/>: what is committed, and the people, films and slugs the post has
/// added itself. <see cref="Commit"/> adds them to the index once the post's transaction committed; <see cref="Discard"/>
/// forgets them (and gives the slugs back) when it rolled back.
/// </summary>
public sealed class PostCatalogue(CatalogueIndex index)
{
    private readonly List<(string Key, Guid Id)> _people = [];
    private readonly List<(string Key, Guid Id, int Year)> _films = [];
    private readonly SlugReservations _slugs = new();

    public Guid? Person(string name)
    {
        var key = NameKey.Of(name);
        foreach (var (staged, id) in _people)
            if (staged == key) return id;
        return index.Person(key);
    }

    /// <summary>A film of this title, of this year when the year is known (else the only one of that title).</summary>
    public Guid? Film(string title, int? year)
    {
        var key = NameKey.Of(title);
        var candidates = index.Films(key).Concat(_films.Where(f => f.Key == key).Select(f => (f.Id, f.Year))).ToList();
        if (year is { } known) return candidates.Where(f => f.Year == known).Select(f => (Guid?)f.Id).FirstOrDefault();
        return candidates.Count == 1 ? candidates[0].Id : null;
    }

    public void AddPerson(string name, Guid id) => _people.Add((NameKey.Of(name), id));

    public void AddFilm(string title, int year, Guid id) => _films.Add((NameKey.Of(title), id, year));

    public string UniqueReviewSlug(string slug, Guid? ownId) => index.Slugs.ReserveReviewSlug(slug, ownId, _slugs);

    public string UniqueFilmSlug(string slug) => index.Slugs.ReserveFilmSlug(slug, _slugs);

    public string UniquePersonSlug(string slug) => index.Slugs.ReservePersonSlug(slug, _slugs);

    /// <summary>A saved review's slugs, current and earlier: taken from now on.</summary>
    public void AddReview(Reviews.Review review) => index.Slugs.RecordReview(review, _slugs);

    public void Commit()
    {
        index.Add(_people, _films);
        _slugs.Keep();
        _people.Clear();
        _films.Clear();
    }

    public void Discard()
    {
        index.Slugs.Release(_slugs);
        _people.Clear();
        _films.Clear();
    }
}
