using System.ComponentModel;
using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Films;

public enum FilmOrderField
{
    [Description("Title, A to Z ignoring letter case.")]
    Title,
    [Description("Year of first release.")]
    Year,
    [Description("UK release date; films without one come last.")]
    UkReleaseDate,
}

/// <summary>One key of the <c>orderBy</c> of <c>films</c>.</summary>
public sealed class FilmOrder
{
    public FilmOrderField Field { get; set; } = FilmOrderField.Title;
    public bool Descending { get; set; }

    public SortKey ToSortKey() => Field switch
    {
        FilmOrderField.Title => new SortKey("lower(d.data->>'Title')", "text", Descending),
        FilmOrderField.Year => new SortKey("d.year", "integer", Descending),
        // Films without a UK release sort after every dated one, either way round.
        FilmOrderField.UkReleaseDate => new SortKey(
            $"coalesce((d.data->>'UkReleaseDate')::date, '{(Descending ? "-infinity" : "infinity")}'::date)", "date", Descending),
        _ => throw new ArgumentOutOfRangeException(nameof(Field), Field, null),
    };
}
