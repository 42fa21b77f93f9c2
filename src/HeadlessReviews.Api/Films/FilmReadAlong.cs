using System.Collections.Frozen;
using GraphQL;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Storage;

namespace HeadlessReviews.Api.Films;

/// <summary>How much of a film a lookup of what credits it reads in its own round trip.</summary>
public enum FilmAlong
{
    None,
    Film,
    FilmAndPeople,
}

/// <summary>
/// A film, and the people it credits when they are asked for, read in the round trip of the one row that
/// points at it (the review page's review): <see cref="Received"/> primes the request's film, film-card and
/// people loaders, so the fields below load from them as they always do. Registered scoped.
/// </summary>
public sealed class FilmReadAlong(FilmsByIdLoader films, FilmCardsByIdLoader cards, PeopleByIdLoader people)
{
    /// <summary>Fields of <c>Film</c> that show the people it credits.</summary>
    private static readonly FrozenSet<string> PeopleFields = FrozenSet.ToFrozenSet(["directors", "writers", "cast"], StringComparer.Ordinal);

    /// <summary>What the selection set below the resolving field asks of the film named <paramref name="field"/>.</summary>
    public static FilmAlong Asked(IResolveFieldContext context, string field) =>
        !SelectionScope.Mentions(context, field) ? FilmAlong.None
        : SelectionScope.MentionsAny(context, PeopleFields) ? FilmAlong.FilmAndPeople
        : FilmAlong.Film;

    /// <summary>
    /// The column for the film whose id is the SQL expression <paramref name="filmId"/>: JSON that reads as a
    /// <see cref="FilmRow"/>, or null. It adds no rows (scalar subqueries probing primary keys).
    /// </summary>
    public static string Column(string filmId, FilmAlong along) => along switch
    {
        FilmAlong.None => "null::json",
        _ => $"(select json_build_object('Film', {DocumentJson.Beside("f")}, 'People', {(along == FilmAlong.FilmAndPeople ? PeopleOf("f") : "null")}) " +
             $"from {Tables.Films} f where f.id = {filmId})",
    };

    private static string PeopleOf(string film) =>
        $"(select json_agg({DocumentJson.Beside("p")}) from {Tables.People} p where p.id = any({film}.credited_person_ids))";

    public void Received(FilmRow row)
    {
        var film = row.Film.Value;
        films.Prime(film.Id, film);
        // The whole film answers every field a card does, exactly as the card would.
        cards.Prime(film.Id, film);
        foreach (var credited in row.People ?? []) people.Prime(credited.Document.Id, credited.Value);
    }
}

/// <summary>A film as <see cref="FilmReadAlong.Column"/> reads it; <see cref="People"/> is null when they were not asked for.</summary>
public sealed record FilmRow(Versioned<Film> Film, List<Versioned<Person>>? People);
