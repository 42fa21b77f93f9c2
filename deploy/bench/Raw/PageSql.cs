namespace HeadlessReviews.Bench.Raw;

/// <summary>
/// The pages as single statements over the service's tables (Marten's jsonb documents and the read models its
/// triggers keep: review cards, comment counts, search vectors), answering the same JSON as the service's
/// GraphQL documents in deploy/bench/pages.mjs.
/// Each review document or card is unpacked once (jsonb_to_record): every <c>data -> …</c> would detoast it again. Global ids are base64url("Type:" + id without dashes).
/// </summary>
internal static class PageSql
{
    private static string GlobalId(string type, string id) =>
        $"rtrim(translate(encode(convert_to('{type}:' || replace({id}::text, '-', ''), 'UTF8'), 'base64'), '+/', '-_'), '=')";

    private static string CommentJson(string c) => $"""
        jsonb_build_object('id', {GlobalId("Comment", c + ".id")}, 'authorName', {c}.data -> 'AuthorName', 'postedAt', {c}.data -> 'PostedAt',
          'html', '<p>' || replace(replace(replace({c}.data ->> 'Body', '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>')
        """;

    // One index lookup per credited person: a join would let the planner guess 100 elements and scan every person.
    private static string People(string ids) => $"""
        (select coalesce(jsonb_agg((select jsonb_build_object('name', p.data -> 'Name', 'slug', p.data -> 'Slug')
                                      from public.mt_doc_person p where p.id = d.person_id::uuid) order by d.ord), '[]')
           from jsonb_array_elements_text({ids}) with ordinality d(person_id, ord))
        """;

    private const string Certificate = """
        case f.data ->> 'Certificate' when 'U' then 'U' when 'PG' then 'PG' when 'TwelveA' then '12A' when 'Twelve' then '12'
          when 'Fifteen' then '15' when 'Eighteen' then '18' when 'R18' then 'R18' end
        """;

    public static readonly string Review = $"""
        select jsonb_build_object('review', (
          select jsonb_build_object(
            'id', {GlobalId("Review", "r.id")}, 'headline', d."Headline", 'byline', d."Byline",
            'publishedAt', d."PublishedAt",
            'verdict', jsonb_build_object('rating', upper(d."Verdict" ->> 'Rating'), 'summary', d."Verdict" -> 'Summary'),
            'body', jsonb_build_object('html', d."Body" -> 'Html', 'pullQuotes', d."Body" -> 'PullQuotes'),
            'film', (select jsonb_build_object(
                'title', f.data -> 'Title', 'year', f.data -> 'Year', 'runtimeMinutes', f.data -> 'RuntimeMinutes',
                'certificateLabel', {Certificate}, 'genres', f.data -> 'Genres',
                'poster', jsonb_build_object('url', f.data -> 'Poster' -> 'Url', 'altText', f.data -> 'Poster' -> 'AltText'),
                'directors', {People("f.data -> 'DirectorIds'")},
                'writers', {People("f.data -> 'WriterIds'")},
                'cast', (select coalesce(jsonb_agg(jsonb_build_object('billing', m -> 'Billing', 'character', m -> 'Character',
                           'person', (select jsonb_build_object('name', p.data -> 'Name', 'slug', p.data -> 'Slug')
                                        from public.mt_doc_person p where p.id = (m ->> 'PersonId')::uuid)) order by (m ->> 'Billing')::int), '[]')
                           from jsonb_array_elements(f.data -> 'Cast') m))
              from public.mt_doc_film f where f.id = r.film_id),
            'commentCount', coalesce((select n.shown from public.hr_comment_counts n where n.review_id = r.id), 0),
            'comments', jsonb_build_object('nodes', (
              select coalesce(jsonb_agg({CommentJson("t")} || jsonb_build_object('replies', (
                       select coalesce(jsonb_agg({CommentJson("y")} order by y.posted_at, y.id), '[]')
                         from public.mt_doc_comment y
                        where y.review_id = r.id and y.status = 'Approved' and y.parent_id = t.id))
                     order by t.posted_at, t.id), '[]')
                from (select c.* from public.mt_doc_comment c
                       where c.review_id = r.id and c.status = 'Approved' and c.parent_id is null
                       order by c.posted_at, c.id limit 20) t)))
            from public.mt_doc_review r, jsonb_to_record(r.data) as d("Slug" jsonb, "Headline" jsonb, "Byline" jsonb, "PublishedAt" jsonb, "Verdict" jsonb, "Body" jsonb)
             where r.slug = $1 and r.status = 'Published'))::text
        """;

    // The service's stored search vectors (StoredSearchVectors' tables, filled by its triggers), ranked
    // the same way (at most 2,000 matches of each kind, the service's MaxRankedMatches); documents (cards, for reviews) read for the page's hits only.
    public static readonly string Search = """
        with q as (select plainto_tsquery('simple', $1) as query),
        hits as (
          select s.id, round(ts_rank(s.vector, s.query)::numeric, 6) as rank, 1 as kind_order
            from (select s.id, s.vector, q.query from public.hr_search_review s, q
                   cross join lateral (select 1 from public.mt_doc_review r where r.id = s.id and r.status = 'Published' limit 1) shown
                  where s.vector @@ q.query limit 2000) s
          union all
          select s.id, round(ts_rank(s.vector, s.query)::numeric, 6), 2
            from (select s.id, s.vector, q.query from public.hr_search_film s, q where s.vector @@ q.query limit 2000) s
          union all
          select s.id, round(ts_rank(s.vector, s.query)::numeric, 6), 3
            from (select s.id, s.vector, q.query from public.hr_search_person s, q where s.vector @@ q.query limit 2000) s)
        select jsonb_build_object('search', jsonb_build_object('nodes', coalesce(jsonb_agg(node order by rank desc, kind_order, id), '[]')))::text
          from (select h.*, case h.kind_order
                  when 1 then (select jsonb_build_object('__typename', 'Review', 'slug', card -> 'Slug', 'headline', card -> 'Headline') from public.hr_review_cards where id = h.id)
                  when 2 then (select jsonb_build_object('__typename', 'Film', 'slug', data -> 'Slug', 'title', data -> 'Title', 'year', data -> 'Year') from public.mt_doc_film where id = h.id)
                  else (select jsonb_build_object('__typename', 'Person', 'slug', data -> 'Slug', 'name', data -> 'Name') from public.mt_doc_person where id = h.id) end as node
                  from (select * from hits order by rank desc, kind_order, id limit 10) h) p
        """;

    // A reader's comment, stored as the service stores one (held for moderation), answered like postComment.
    public static readonly string PostComment = """
        with c as (
          insert into public.mt_doc_comment (id, data, mt_version, mt_dotnet_type, review_id, status, posted_at)
          select n.id, jsonb_build_object('Id', n.id, 'ReviewId', r.id, 'ParentId', null, 'AuthorName', 'A reader',
                   'AuthorEmail', 'reader@example.com', 'AuthorUrl', null, 'Body', 'Saw it again last night; the letters still land.',
                   'PostedAt', now(), 'Status', 'Pending', 'SpamReasons', '[]'::jsonb, 'Version', 1),
                 1, 'HeadlessReviews.Api.Comments.Comment', r.id, 'Pending', now()
            from (select gen_random_uuid() as id) n, public.mt_doc_review r where r.id = $1::uuid
          returning id, data)
        select jsonb_build_object('postComment', jsonb_build_object('status', 'PENDING', 'comment', jsonb_build_object(
                 'id', rtrim(translate(encode(convert_to('Comment:' || replace(c.id::text, '-', ''), 'UTF8'), 'base64'), '+/', '-_'), '='),
                 'authorName', c.data -> 'AuthorName', 'html', '<p>' || (c.data ->> 'Body') || '</p>', 'postedAt', c.data -> 'PostedAt'),
                 'errors', '[]'::jsonb))::text
          from c
        """;
}
