using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;
using Npgsql;
using NpgsqlTypes;

namespace HeadlessReviews.Bench.Loader;

/// <summary>
/// The same catalogue as plain tables in schema <c>rel</c>, for PostGraphile: keys, foreign keys and the
/// indexes its page queries use, plus the computed columns and the search function a frontend needs.
/// Rows go in by binary COPY; keys and indexes are made afterwards.
/// </summary>
internal static class Relational
{
    public static async Task CreateTablesAsync(NpgsqlDataSource dataSource) => await ExecuteAsync(dataSource, """
        drop schema if exists rel cascade;
        create schema rel;
        create table rel.people (id uuid not null, slug text not null, name text not null, bio text, image_url text);
        create table rel.films (id uuid not null, slug text not null, title text not null, year int not null,
          runtime_minutes int, certificate text, genres text[] not null, genre_text text not null, synopsis text, poster_url text, poster_alt_text text);
        create table rel.film_directors (film_id uuid not null, person_id uuid not null, position int not null);
        create table rel.film_writers (film_id uuid not null, person_id uuid not null, position int not null);
        create table rel.film_cast (film_id uuid not null, person_id uuid not null, character text, billing int not null);
        create table rel.reviews (id uuid not null, slug text not null, film_id uuid not null, headline text not null,
          byline text not null, body_markdown text not null, body_html text not null, body_text text not null,
          pull_quotes text[] not null, verdict_rating text not null, verdict_summary text not null, status text not null,
          published_at timestamptz, updated_at timestamptz not null);
        create table rel.comments (id uuid not null default gen_random_uuid(), review_id uuid not null, parent_id uuid,
          author_name text not null, author_email text not null, body text not null, status text not null default 'approved',
          posted_at timestamptz not null default now());
        """);

    public static async Task FinishAsync(NpgsqlDataSource dataSource) => await ExecuteAsync(dataSource, """
        alter table rel.people add primary key (id), add unique (slug);
        alter table rel.films add primary key (id), add unique (slug);
        alter table rel.film_directors add primary key (film_id, position),
          add foreign key (film_id) references rel.films, add foreign key (person_id) references rel.people;
        alter table rel.film_writers add primary key (film_id, position),
          add foreign key (film_id) references rel.films, add foreign key (person_id) references rel.people;
        alter table rel.film_cast add primary key (film_id, billing),
          add foreign key (film_id) references rel.films, add foreign key (person_id) references rel.people;
        create index on rel.film_directors (person_id);
        create index on rel.film_writers (person_id);
        create index on rel.film_cast (person_id);
        alter table rel.reviews add primary key (id), add unique (slug), add foreign key (film_id) references rel.films;
        create index on rel.reviews (film_id);
        create index on rel.reviews (status, published_at desc);
        alter table rel.comments add primary key (id),
          add foreign key (review_id) references rel.reviews, add foreign key (parent_id) references rel.comments;
        create index on rel.comments (review_id, status, posted_at);
        create index on rel.comments (parent_id, status, posted_at);
        -- Stored search vectors (inline, GIN-indexed), as the service stores its own (StoredSearchVectors).
        alter table rel.reviews add column search_vector tsvector generated always as (
          setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', verdict_summary), 'B') ||
          setweight(to_tsvector('simple', body_text), 'C')) stored;
        alter table rel.films add column search_vector tsvector generated always as (
          setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', genre_text), 'B') ||
          setweight(to_tsvector('simple', coalesce(synopsis, '')), 'C')) stored;
        alter table rel.people add column search_vector tsvector generated always as (
          setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', coalesce(bio, '')), 'C')) stored;
        alter table rel.reviews alter column search_vector set storage main;
        alter table rel.films alter column search_vector set storage main;
        alter table rel.people alter column search_vector set storage main;
        create index reviews_search on rel.reviews using gin (search_vector);
        create index films_search on rel.films using gin (search_vector);
        create index people_search on rel.people using gin (search_vector);
        comment on column rel.reviews.search_vector is E'@omit';
        comment on column rel.films.search_vector is E'@omit';
        comment on column rel.people.search_vector is E'@omit';

        -- Computed columns (PostGraphile exposes rel.reviews_excerpt as Review.excerpt, and so on).
        create function rel.reviews_excerpt(r rel.reviews) returns text language sql stable as $$
          select case when length(t) <= 160 then t
                      else rtrim(left(t, 160 - position(' ' in reverse(left(t, 160))) ), ',;:. –-') || '…' end
            from (select replace(r.body_text, E'\n\n', ' ') as t) x $$;
        create function rel.reviews_comment_count(r rel.reviews) returns int language sql stable as $$
          select count(*)::int from rel.comments c where c.review_id = r.id and c.status = 'approved' $$;
        create function rel.comments_html(c rel.comments) returns text language sql immutable as $$
          select '<p>' || replace(replace(replace(c.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>' $$;

        -- Search: one ranked list of reviews, films and people, as the service's search is.
        create table rel.search_hits (kind text not null, rank real not null,
          review_id uuid references rel.reviews, film_id uuid references rel.films, person_id uuid references rel.people);
        create function rel.search(query text) returns setof rel.search_hits language sql stable as $$
          with q as (select to_tsquery('simple', query) as q)
          -- At most 2,000 matches of each kind ranked, as the service ranks (Search:MaxRankedMatches).
          select * from (select 'Review' as kind, ts_rank(r.v, r.q) as rank, r.id as review_id, null::uuid as film_id, null::uuid as person_id
             from (select r.id, r.search_vector as v, q.q from q, rel.reviews r where r.status = 'published' and r.search_vector @@ q.q limit 2000) r
           union all
           select 'Film', ts_rank(f.v, f.q), null, f.id, null from (select f.id, f.search_vector as v, q.q from q, rel.films f where f.search_vector @@ q.q limit 2000) f
           union all
           select 'Person', ts_rank(p.v, p.q), null, null, p.id from (select p.id, p.search_vector as v, q.q from q, rel.people p where p.search_vector @@ q.q limit 2000) p) h
          order by round(h.rank::numeric, 6) desc, case h.kind when 'Review' then 1 when 'Film' then 2 else 3 end,
                   coalesce(h.review_id, h.film_id, h.person_id) $$;
        comment on table rel.search_hits is E'@omit all,create,update,delete';
        """);

    public static async Task CopyPeopleAsync(NpgsqlDataSource dataSource, IReadOnlyList<Person> people)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var copy = await connection.BeginBinaryImportAsync("copy rel.people (id, slug, name, bio, image_url) from stdin (format binary)");
        foreach (var p in people) await copy.WriteRowAsync(default, p.Id, p.Slug, p.Name, (object?)p.Bio ?? DBNull.Value, (object?)p.Image?.Url ?? DBNull.Value);
        await copy.CompleteAsync();
    }

    public static async Task CopyFilmsAsync(NpgsqlDataSource dataSource, IReadOnlyList<Film> films)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy rel.films (id, slug, title, year, runtime_minutes, certificate, genres, genre_text, synopsis, poster_url, poster_alt_text) from stdin (format binary)"))
        {
            foreach (var f in films)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(f.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(f.Slug, NpgsqlDbType.Text);
                await copy.WriteAsync(f.Title, NpgsqlDbType.Text);
                await copy.WriteAsync(f.Year, NpgsqlDbType.Integer);
                await copy.WriteAsync((object?)f.RuntimeMinutes ?? DBNull.Value, NpgsqlDbType.Integer);
                await copy.WriteAsync(f.Certificate?.Label() is { } label ? label : (object)DBNull.Value, NpgsqlDbType.Text);
                await copy.WriteAsync(f.Genres.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(f.GenreText, NpgsqlDbType.Text);
                await copy.WriteAsync((object?)f.Synopsis ?? DBNull.Value, NpgsqlDbType.Text);
                await copy.WriteAsync((object?)f.Poster?.Url ?? DBNull.Value, NpgsqlDbType.Text);
                await copy.WriteAsync((object?)f.Poster?.AltText ?? DBNull.Value, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await CopyCreditsAsync(connection, "film_directors (film_id, person_id, position)", films.SelectMany(f => f.DirectorIds.Select((p, i) => (f.Id, p, (string?)null, i + 1))));
        await CopyCreditsAsync(connection, "film_writers (film_id, person_id, position)", films.SelectMany(f => f.WriterIds.Select((p, i) => (f.Id, p, (string?)null, i + 1))));
        await CopyCreditsAsync(connection, "film_cast (film_id, person_id, character, billing)", films.SelectMany(f => f.Cast.Select(c => (f.Id, c.PersonId, c.Character, c.Billing))));
    }

    private static async Task CopyCreditsAsync(NpgsqlConnection connection, string table, IEnumerable<(Guid Film, Guid Person, string? Character, int Position)> credits)
    {
        var withCharacter = table.Contains("character", StringComparison.Ordinal);
        await using var copy = await connection.BeginBinaryImportAsync($"copy rel.{table} from stdin (format binary)");
        foreach (var (film, person, character, position) in credits)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(film, NpgsqlDbType.Uuid);
            await copy.WriteAsync(person, NpgsqlDbType.Uuid);
            if (withCharacter) await copy.WriteAsync((object?)character ?? DBNull.Value, NpgsqlDbType.Text);
            await copy.WriteAsync(position, NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync();
    }

    public static async Task CopyReviewsAsync(NpgsqlDataSource dataSource, IReadOnlyList<Review> reviews)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy rel.reviews (id, slug, film_id, headline, byline, body_markdown, body_html, body_text, pull_quotes, verdict_rating, verdict_summary, status, published_at, updated_at) from stdin (format binary)");
        foreach (var r in reviews)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(r.Slug, NpgsqlDbType.Text);
            await copy.WriteAsync(r.FilmId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(r.Headline, NpgsqlDbType.Text);
            await copy.WriteAsync(r.Byline, NpgsqlDbType.Text);
            await copy.WriteAsync(r.Body.Markdown, NpgsqlDbType.Text);
            await copy.WriteAsync(r.Body.Html, NpgsqlDbType.Text);
            await copy.WriteAsync(r.Body.Text, NpgsqlDbType.Text);
            await copy.WriteAsync(r.Body.PullQuotes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(r.Verdict.Rating.ToString().ToUpperInvariant(), NpgsqlDbType.Text);
            await copy.WriteAsync(r.Verdict.Summary, NpgsqlDbType.Text);
            await copy.WriteAsync(r.Status.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
            await copy.WriteAsync(r.PublishedAt is { } at ? at.UtcDateTime : (object)DBNull.Value, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(r.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }

    public static async Task CopyCommentsAsync(NpgsqlDataSource dataSource, IReadOnlyList<Comment> comments)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy rel.comments (id, review_id, parent_id, author_name, author_email, body, status, posted_at) from stdin (format binary)");
        foreach (var c in comments)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(c.ReviewId, NpgsqlDbType.Uuid);
            await copy.WriteAsync((object?)c.ParentId ?? DBNull.Value, NpgsqlDbType.Uuid);
            await copy.WriteAsync(c.AuthorName, NpgsqlDbType.Text);
            await copy.WriteAsync(c.AuthorEmail, NpgsqlDbType.Text);
            await copy.WriteAsync(c.Body, NpgsqlDbType.Text);
            await copy.WriteAsync(c.Status.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
            await copy.WriteAsync(c.PostedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
