using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Storage;

/// <summary>The public's newest-first list reads a partial index of published reviews, in its own order.</summary>
public sealed class ReviewListIndexTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_schema_has_the_partial_index_of_published_reviews()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select indexdef from pg_indexes where indexname = @name", connection);
        command.Parameters.AddWithValue("name", ReviewStorage.PublishedListIndex);
        var definition = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(definition);
        Assert.Contains("(published_order DESC, id)", definition, StringComparison.Ordinal);
        Assert.Contains("'Published'", definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_newest_first_list_is_read_from_it_without_sorting()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        // The demo catalogue is small enough that PostgreSQL rightly prefers reading and sorting it all; with
        // those plans priced out, what remains shows whether an index serves the list's filter and order.
        await using (var off = new NpgsqlCommand("set enable_seqscan = off; set enable_bitmapscan = off; set enable_sort = off; set enable_incremental_sort = off", connection))
            await off.ExecuteNonQueryAsync();
        // The FROM, WHERE and ORDER BY that KeysetPager builds for the anonymous default list.
        var list = ReviewFilter.Query(Viewer.Anonymous, orderBy: null);
        var orderBy = string.Join(", ", list.Order.Select(key => $"{key.Expression} {(key.Descending ? "desc" : "asc")}"));
        await using var explain = new NpgsqlCommand($"explain select d.id from {list.From} where {list.WhereClause} order by {orderBy} limit 21", connection);
        var plan = string.Join("\n", await ReadAllAsync(explain));

        Assert.Contains(ReviewStorage.PublishedListIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadAllAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }
}
