using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;

namespace HeadlessReviews.Api.Search;

/// <summary>
/// The searched text of each kind, as the exact expressions of the weighted full-text indexes that
/// <c>FilmStorage</c>, <c>PersonStorage</c> and <c>ReviewStorage</c> declare (a different expression
/// would not use the index). Weights: A names, titles and headlines; B verdicts and genres; C body text, synopses and bios.
/// </summary>
public static class SearchVectors
{
    public const string Review =
        "setweight(to_tsvector('simple', coalesce(data ->> 'Headline', '')), 'A') || " +
        "setweight(to_tsvector('simple', coalesce(data -> 'Verdict' ->> 'Summary', '')), 'B') || " +
        "setweight(to_tsvector('simple', coalesce(data -> 'Body' ->> 'Text', '')), 'C')";

    public const string Film =
        "setweight(to_tsvector('simple', coalesce(data ->> 'Title', '')), 'A') || " +
        "setweight(to_tsvector('simple', coalesce(data ->> 'GenreText', '')), 'B') || " +
        "setweight(to_tsvector('simple', coalesce(data ->> 'Synopsis', '')), 'C')";

    public const string Person =
        "setweight(to_tsvector('simple', coalesce(data ->> 'Name', '')), 'A') || " +
        "setweight(to_tsvector('simple', coalesce(data ->> 'Bio', '')), 'C')";

    /// <summary>
    /// Every kind's matches as one relation <c>(data, id, rank, kind_order)</c>; its three <c>^</c>
    /// placeholders all take the text query. Ranks are rounded so cursors compare them exactly.
    /// </summary>
    public static string Hits(Viewer viewer) => $"""
        (select jsonb_build_object('Review', data || jsonb_build_object('Version', mt_version)) as data, id, round(ts_rank({Review}, q.query)::numeric, 6) as rank, 1 as kind_order
           from {Tables.Reviews} r, (select to_tsquery('simple', ^) as query) q
          where ({Review}) @@ q.query and {Reviews.ReviewVisibility.Sql(viewer, "r")}
         union all
         select jsonb_build_object('Film', data || jsonb_build_object('Version', mt_version)), id, round(ts_rank({Film}, q.query)::numeric, 6), 2
           from {Tables.Films}, (select to_tsquery('simple', ^) as query) q
          where ({Film}) @@ q.query
         union all
         select jsonb_build_object('Person', data || jsonb_build_object('Version', mt_version)), id, round(ts_rank({Person}, q.query)::numeric, 6), 3
           from {Tables.People}, (select to_tsquery('simple', ^) as query) q
          where ({Person}) @@ q.query) d
        """;
}
