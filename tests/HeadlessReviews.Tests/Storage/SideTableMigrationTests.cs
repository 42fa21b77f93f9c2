using System.Text.Json;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Storage;

/// <summary>
/// A side table made by an older definition (the review and film cards were <c>jsonb</c> before they were
/// stored as <c>json</c> text) is brought to the current one by applying the schema: its column converted
/// in place, every row recomputed, and the lists that read it answering as before.
/// </summary>
public sealed class SideTableMigrationTests
{
    [Fact]
    public async Task Applying_the_schema_converts_a_card_table_of_an_older_definition_and_keeps_the_lists_whole()
    {
        var database = await ServiceHost.CreateDatabaseAsync();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Reviews"] = database,
                ["HeadlessReviews:Storage:ApplySchemaChanges"] = "true",
                ["HeadlessReviews:SeedDemoData"] = "true",
            };
            string before;
            using (var first = new ServiceHost("Production", settings)) before = await HomeAsync(first);
            Assert.Contains("\"title\":", before, StringComparison.Ordinal);

            // As an older release left them: jsonb columns, stale rows, an older definition's marker.
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                foreach (var table in new[] { "hr_review_cards", "hr_film_cards" })
                {
                    await using var aged = new NpgsqlCommand($"""
                        alter table public.{table} alter column card type jsonb using card::jsonb;
                        update public.{table} set card = card - 'Slug' - 'Title';
                        comment on table public.{table} is 'side table v1 0000000000000000';
                        """, connection);
                    await aged.ExecuteNonQueryAsync();
                }
            }

            using (var second = new ServiceHost("Production", settings))
                Assert.Equal(before, await HomeAsync(second));

            await using var check = new NpgsqlConnection(database);
            await check.OpenAsync();
            foreach (var (table, documents) in new[] { ("hr_review_cards", "mt_doc_review"), ("hr_film_cards", "mt_doc_film") })
            {
                await using var command = new NpgsqlCommand($"""
                    select format_type(a.atttypid, a.atttypmod),
                           (select count(*) from public.{table}), (select count(*) from public.{documents})
                      from pg_attribute a where a.attrelid = 'public.{table}'::regclass and a.attname = 'card'
                    """, check);
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal("json", reader.GetString(0));
                Assert.True(reader.GetInt64(2) > 0, $"{documents} has demo rows");
                Assert.Equal(reader.GetInt64(2), reader.GetInt64(1));
            }
        }
        finally
        {
            await ServiceHost.DropDatabaseAsync(database);
        }
    }

    // The home page's list of cards with their films' cards, as the service answers it.
    private static async Task<string> HomeAsync(ServiceHost host)
    {
        var body = JsonSerializer.Serialize(new
        {
            query = "{ reviews(first: 20) { nodes { slug headline excerpt(length: 160) film { slug title year poster { url } directors { name } } } } }",
        });
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await host.CreateClient().PostAsync(new Uri("/graphql", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.DoesNotContain("\"errors\"", text, StringComparison.Ordinal);
        return text;
    }
}
