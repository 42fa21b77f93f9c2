using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Storage;

/// <summary>
/// The comment table's composite indexes: the approved-thread walk behind every public comment read,
/// and one (key, posted_at) per screening rule, so a post's checks read a key's newest entries only.
/// </summary>
public sealed class CommentIndexTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("mt_doc_comment_idx_shown_thread", "(review_id, parent_id) WHERE", "'Approved'")]
    [InlineData("mt_doc_comment_idx_body_fingerprint_posted_at", "(body_fingerprint, posted_at)", "")]
    [InlineData("mt_doc_comment_idx_client_address_hash_posted_at", "(client_address_hash, posted_at)", "")]
    [InlineData("mt_doc_comment_idx_author_email_key_posted_at", "(author_email_key, posted_at)", "")]
    public async Task The_schema_has_it(string name, string columns, string predicate)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select indexdef from pg_indexes where indexname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        var definition = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(definition);
        Assert.Contains(columns, definition, StringComparison.Ordinal);
        Assert.Contains(predicate, definition, StringComparison.Ordinal);
    }
}
