using System.Text.Encodings.Web;
using System.Text.Json;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;
using Npgsql;

namespace HeadlessReviews.Bench.Raw;

/// <summary>
/// The home page as rows from one statement over the service's read models (cards, comment counts) and
/// documents, written as JSON here: the card list's JSON built in PostgreSQL cost it 2.5 ms a page, more
/// than the service's whole read. Excerpts and ids come from the service's own functions, byte for byte.
/// </summary>
internal static class HomePage
{
    // The cards are stored as json text: parsed once here into jsonb, the quickest way found to unpack them
    // (pgbench, 20 cards: 1.45 ms; json_to_record 1.7 ms; on the former jsonb cards 1.0 ms).
    private const string Sql = """
        select r.id, c."Slug", c."Headline", c."PublishedAt"::text, c."Verdict" ->> 'Rating', c."Verdict" ->> 'Summary', c."Body" ->> 'Text',
               coalesce(n.shown, 0), f."Title", f."Year", f."Poster" ->> 'Url', f."Poster" ->> 'AltText',
               array(select (select p.data ->> 'Name' from public.mt_doc_person p where p.id = d.person_id::uuid)
                       from jsonb_array_elements_text(f."DirectorIds") with ordinality d(person_id, ord) order by d.ord)
          from (select id, film_id, published_order from public.mt_doc_review where status = 'Published'
                 order by published_order desc, id asc limit 20) r
          join public.hr_review_cards card on card.id = r.id
          cross join jsonb_to_record(card.card::jsonb) as c("Slug" text, "Headline" text, "PublishedAt" jsonb, "Verdict" jsonb, "Body" jsonb)
          join public.mt_doc_film film on film.id = r.film_id
          cross join jsonb_to_record(film.data) as f("Title" text, "Year" int, "Poster" jsonb, "DirectorIds" jsonb)
          left join public.hr_comment_counts n on n.review_id = r.id
         order by r.published_order desc, r.id asc
        """;

    public static async Task WriteAsync(NpgsqlDataSource dataSource, HttpContext http)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        http.Response.ContentType = "application/json; charset=utf-8";
        // Accents and dashes as they are, as the service writes them.
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("reviews");
        json.WriteStartArray("nodes");
        while (await reader.ReadAsync(http.RequestAborted))
        {
            json.WriteStartObject();
            json.WriteString("id", GlobalId.Encode("Review", reader.GetGuid(0)));
            json.WriteString("slug", reader.GetString(1));
            json.WriteString("headline", reader.GetString(2));
            json.WritePropertyName("publishedAt");
            json.WriteRawValue(reader.GetString(3));
            json.WriteString("excerpt", Excerpt.Of(reader.GetString(6), 160));
            json.WriteStartObject("verdict");
            json.WriteString("rating", reader.GetString(4).ToUpperInvariant());
            json.WriteString("summary", reader.GetString(5));
            json.WriteEndObject();
            json.WriteNumber("commentCount", reader.GetInt32(7));
            json.WriteStartObject("film");
            json.WriteString("title", reader.GetString(8));
            json.WriteNumber("year", reader.GetInt32(9));
            json.WriteStartObject("poster");
            json.WriteString("url", reader.IsDBNull(10) ? null : reader.GetString(10));
            json.WriteString("altText", reader.IsDBNull(11) ? null : reader.GetString(11));
            json.WriteEndObject();
            json.WriteStartArray("directors");
            foreach (var name in reader.GetFieldValue<string[]>(12))
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
