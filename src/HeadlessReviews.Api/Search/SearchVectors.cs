using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;

namespace HeadlessReviews.Api.Search;

/// <summary>
/// The searched text of each kind, as weighted vectors over a document's JSON column; their values are
/// stored by <see cref="StoredSearchVectors"/> and searched from there. Weights: A names, titles and
/// headlines; B verdicts and genres; C body text, synopses and bios.
/// </summary>
public static class SearchVectors
{
    public static string Review(string data) =>
        $"setweight(to_tsvector('simple', coalesce({data} ->> 'Headline', '')), 'A') || " +
        $"setweight(to_tsvector('simple', coalesce({data} -> 'Verdict' ->> 'Summary', '')), 'B') || " +
        $"setweight(to_tsvector('simple', coalesce({data} -> 'Body' ->> 'Text', '')), 'C')";

    public static string Film(string data) =>
        $"setweight(to_tsvector('simple', coalesce({data} ->> 'Title', '')), 'A') || " +
        $"setweight(to_tsvector('simple', coalesce({data} ->> 'GenreText', '')), 'B') || " +
        $"setweight(to_tsvector('simple', coalesce({data} ->> 'Synopsis', '')), 'C')";

    public static string Person(string data) =>
        $"setweight(to_tsvector('simple', coalesce({data} ->> 'Name', '')), 'A') || " +
        $"setweight(to_tsvector('simple', coalesce({data} ->> 'Bio', '')), 'C')";

    /// <summary>
    /// Every kind's matches as one relation <c>(id, rank, kind_order)</c>; its three <c>^</c>
    /// placeholders all take the text query. Matches and ranks come from the stored vectors (GIN
    /// index, no vector rebuilt per row). Ranks are rounded so cursors compare them exactly. Each kind
    /// ranks at most <paramref name="maxRanked"/> of its matches (<see cref="SearchSettings.MaxRankedMatches"/>):
    /// the limit sits inside, before ranking, so a common word costs no more than a rare one.
    /// </summary>
    public static string Hits(Viewer viewer, int maxRanked) =>
        "(" + Ranked(StoredSearchVectors.Reviews.Table, 1, maxRanked,
                // Lateral with a limit: each match's review by its key, never a scan of every review to hash-join.
                $"cross join lateral (select 1 from {Tables.Reviews} r where r.id = s.id and {Reviews.ReviewVisibility.Sql(viewer, "r")} limit 1) shown") +
        " union all " + Ranked(StoredSearchVectors.Films.Table, 2, maxRanked) +
        " union all " + Ranked(StoredSearchVectors.People.Table, 3, maxRanked) + ") d";

    // One kind's matches, at most maxRanked of them (those a join lets through), ranked after the limit.
    private static string Ranked(string table, int kindOrder, int maxRanked, string join = "") => $"""
        select s.id, round(ts_rank(s.vector, s.query)::numeric, 6) as rank, {kindOrder} as kind_order
          from (select s.id, s.vector, q.query from {table} s, (select to_tsquery('simple', ^) as query) q {join}
                 where s.vector @@ q.query limit {maxRanked}) s
        """;

    /// <summary>
    /// A hit's document as a <see cref="SearchHit"/>'s JSON, read per row of the page: a subquery, so
    /// PostgreSQL reads only the page's documents after sorting, not every match's. A review comes as its
    /// stored card (<see cref="ReviewCards"/>; the caller marks it), not its ~27 kB document.
    /// </summary>
    public static readonly string Document = $"""
        case d.kind_order
          when 1 then (select jsonb_build_object('Review', coalesce(c.card::jsonb, {ReviewCards.Card("x.data", ReviewCards.StoredExcerptLength)}) || jsonb_build_object('Version', x.mt_version))
                         from {Tables.Reviews} x left join {ReviewCards.Stored.Table} c on c.id = x.id where x.id = d.id)
          when 2 then (select jsonb_build_object('Film', x.data || jsonb_build_object('Version', x.mt_version)) from {Tables.Films} x where x.id = d.id)
          else (select jsonb_build_object('Person', x.data || jsonb_build_object('Version', x.mt_version)) from {Tables.People} x where x.id = d.id)
        end
        """;
}
