using System.Collections.Frozen;

namespace HeadlessReviews.Api.Films;

/// <summary>
/// A film as a list shows it (a review card's title, year, poster and director names): the document without
/// the parts only its own page needs — cast, writers, synopsis and the index copies — about a fifth of its
/// JSON. Read in place of the whole film when the selection set asks for nothing else
/// (<see cref="FilmCardsByIdLoader"/>); a card never serves a field outside <see cref="Fields"/>.
/// </summary>
public static class FilmCards
{
    /// <summary>The fields of <c>Film</c> a card answers exactly as the whole document would.</summary>
    public static readonly FrozenSet<string> Fields = FrozenSet.ToFrozenSet(
        ["__typename", "id", "version", "slug", "title", "year", "ukReleaseDate", "runtimeMinutes", "certificate", "certificateLabel", "genres", "poster", "directors"],
        StringComparer.Ordinal);

    /// <summary>The document members a card leaves out.</summary>
    private const string LeftOut = "'{Cast,WriterIds,Synopsis,CreditedPersonIds,GenreText}'::text[]";

    /// <summary>The card's JSON from the document column <paramref name="data"/>.</summary>
    public static string Data(string data) => $"{data} - {LeftOut}";
}
