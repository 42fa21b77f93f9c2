using System.Collections.Frozen;
using HeadlessReviews.Api.Storage;
using Marten;

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
    public static string Data(string data) => $"({data} - {LeftOut})::json";

    /// <summary>
    /// Each film's card, kept by triggers (<see cref="DocumentSideTable"/>) as <c>json</c> text, sent as it is
    /// stored: cutting the card from the document and printing it cost PostgreSQL ~25 µs a film on every read.
    /// </summary>
    public static readonly DocumentSideTable Stored = new("hr_film_cards", Tables.Films, ("card", "json"),
        Data, "alter table public.hr_film_cards alter column card set storage main;");

    public static void Configure(StoreOptions options) => DocumentSideTable.Register(options, typeof(FilmCards), "Film cards", Stored);

    /// <summary>The tables and columns Marten reads each card from: the stored card, or cut from the document should one be missing.</summary>
    public static readonly string From = $"{Tables.Films} d left join {Stored.Table} card on card.id = d.id";

    /// <inheritdoc cref="From"/>
    public static readonly string Columns = $"coalesce(card.card, {Data("d.data")}), d.mt_version";
}
