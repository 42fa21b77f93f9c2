using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Search;

/// <summary>
/// The stored search vector of each document of a kind (<see cref="SearchVectors"/>): side tables
/// <c>hr_search_{kind} (id, vector)</c> with a GIN index, kept by triggers (<see cref="DocumentSideTable"/>),
/// so search ranks stored vectors instead of rebuilding each match's vector from its (toasted) JSON.
/// </summary>
public static class StoredSearchVectors
{
    public static readonly DocumentSideTable Reviews = Vectors("review", Tables.Reviews, SearchVectors.Review);
    public static readonly DocumentSideTable Films = Vectors("film", Tables.Films, SearchVectors.Film);
    public static readonly DocumentSideTable People = Vectors("person", Tables.People, SearchVectors.Person);

    public static void Configure(StoreOptions options) => DocumentSideTable.Register(options, typeof(StoredSearchVectors), "Search vectors", Reviews, Films, People);

    private static DocumentSideTable Vectors(string kind, string documentTable, Func<string, string> vector) =>
        new($"hr_search_{kind}", documentTable, ("vector", "tsvector"), vector, $"""
            -- Inline (compressed) rather than out of line: a review's vector is ~4 kB, and ranking
            -- the matches then reads their heap pages only; it also shows the planner what a
            -- sequential scan costs, so it takes the GIN index.
            alter table public.hr_search_{kind} alter column vector set storage main;
            create index if not exists hr_search_{kind}_vector on public.hr_search_{kind} using gin (vector);
            """);
}
