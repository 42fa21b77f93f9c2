using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Security;

/// <summary>
/// A PREVIEW token is what a frontend's preview mode holds: it reads drafts and their status as
/// editors do, and nothing else an editor may (no writes, no history, no moderation).
/// </summary>
public sealed class PreviewRoleTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private TestTokens Tokens => field ??= new(Api, GraphQL);

    private string _preview = "";

    public async Task InitializeAsync() => _preview = (await Tokens.CreateAsync("Frontend preview", "PREVIEW")).Secret;

    public Task DisposeAsync() => Tokens.DeleteAllAsync();

    [Fact]
    public async Task A_preview_token_reads_a_draft_and_its_status_where_the_public_sees_nothing()
    {
        const string query = """{ review(slug: "the-master") { headline status film { title } } reviews(first: 100) { nodes { slug } } }""";

        var preview = await GraphQL.DataAsync(query, token: _preview);
        Assert.Equal("DRAFT", (string?)preview["review"]!["status"]);
        Assert.Equal("The Master", (string?)preview["review"]!["film"]!["title"]);
        Assert.Contains(preview["reviews"]!["nodes"]!.AsArray(), node => (string?)node!["slug"] == "the-master");

        var anonymous = await GraphQL.PostAsync("""{ review(slug: "the-master") { headline } }""");
        Assert.Null(anonymous.Data!["review"]);
    }

    [Fact]
    public async Task A_preview_token_writes_nothing_and_sees_no_history_or_moderation()
    {
        var write = await GraphQL.PostAsync("""mutation { createPerson(input: { name: "Preview Writer" }) { errors { code } } }""", token: _preview);
        Assert.Equal("AUTH_NOT_AUTHORIZED", write.FirstErrorCode);
        Assert.Contains("this token has PREVIEW", (string?)write.Errors![0]!["message"], StringComparison.Ordinal);

        var history = await GraphQL.PostAsync("""{ review(slug: "the-master") { revisions { number } } }""", token: _preview);
        Assert.Equal("AUTH_NOT_AUTHORIZED", history.FirstErrorCode);

        var queue = await GraphQL.PostAsync("{ moderationQueue { nodes { authorEmail } } }", token: _preview);
        Assert.Equal("AUTH_NOT_AUTHORIZED", queue.FirstErrorCode);
    }
}
