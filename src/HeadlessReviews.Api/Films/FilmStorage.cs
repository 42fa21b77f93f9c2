using Marten;

namespace HeadlessReviews.Api.Films;

public static class FilmStorage
{
    /// <summary>Columns and indexes behind the film lists, lookups by slug or person (search vectors: Search/StoredSearchVectors).</summary>
    public static void Configure(StoreOptions options)
    {
        var films = options.Schema.For<Film>();
        films.UseNumericRevisions(true);
        films.Duplicate(f => f.Slug, configure: index => index.IsUnique = true);
        films.Duplicate(f => f.Year);
        films.Duplicate(f => f.CreditedPersonIds, pgType: "uuid[]", configure: index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
    }
}
