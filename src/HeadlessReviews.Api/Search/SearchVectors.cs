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
    /// index, no vector rebuilt per row). Ranks are rounded so cursors compare them exactly.
    /// </summary>
    public static string Hits(Viewer viewer) => $"""
        (select s.id, round(ts_rank(s.vector, q.query)::numeric, 6) as rank, 1 as kind_order
           from {StoredSearchVectors.Reviews.Table} s join {Tables.Reviews} r on r.id = s.id, (select to_tsquery('simple', ^) as query) q
          where s.vector @@ q.query and {Reviews.ReviewVisibility.Sql(viewer, "r")}
         union all
         select s.id, round(ts_rank(s.vector, q.query)::numeric, 6), 2
           from {StoredSearchVectors.Films.Table} s, (select to_tsquery('simple', ^) as query) q
          where s.vector @@ q.query
         union all
         select s.id, round(ts_rank(s.vector, q.query)::numeric, 6), 3
           from {StoredSearchVectors.People.Table} s, (select to_tsquery('simple', ^) as query) q
          where s.vector @@ q.query) d
        """;

    /// <summary>
    /// A hit's document as a <see cref="SearchHit"/>'s JSON, read per row of the page: a subquery, so
    /// PostgreSQL reads only the page's documents after sorting, not every match's.
    /// </summary>
    public const string Document = $"""
        case d.kind_order
          when 1 then (select jsonb_build_object('Review', x.data || jsonb_build_object('Version', x.mt_version)) from {Tables.Reviews} x where x.id = d.id)
          when 2 then (select jsonb_build_object('Film', x.data || jsonb_build_object('Version', x.mt_version)) from {Tables.Films} x where x.id = d.id)
          else (select jsonb_build_object('Person', x.data || jsonb_build_object('Version', x.mt_version)) from {Tables.People} x where x.id = d.id)
        end
        """;
}
