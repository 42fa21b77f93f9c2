using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.Ide;

/// <summary>
/// The document the IDE opens with (src/HeadlessReviews.Ide/src/examples.graphql) works against the
/// schema as it is today: the whole document validates (each request sends all of it), and each
/// example does what its comment promises, run in the order a person would. On a service of its own,
/// since it writes a review and a comment.
/// </summary>
public sealed class IdeExampleDocumentTests : IAsyncLifetime
{
    private static readonly string Document = File.ReadAllText(Path.Combine(Repository.Root, "src", "HeadlessReviews.Ide", "src", "examples.graphql"));

    private string _database = "";
    private ServiceHost? _host;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        _database = await ServiceHost.CreateDatabaseAsync();
        _host = new ServiceHost("Development", new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = _database,
            ["HeadlessReviews:SeedDemoData"] = "true",
            ["HeadlessReviews:AdminToken"] = ApiFactory.AdminToken,
        });
        _http = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        await ServiceHost.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_reader_runs_the_home_page_and_the_review_page_and_posts_a_comment()
    {
        var newest = await RunAsync("NewestReviews");
        Assert.Equal(5, newest["reviews"]!["nodes"]!.AsArray().Count);

        var review = (await RunAsync("HerReview"))["review"]!;
        Assert.Equal("Review – Her", review["headline"]!.GetValue<string>());

        var posted = (await RunAsync("PostComment", new { reviewId = review["id"]!.GetValue<string>(), commentToken = review["commentToken"]!.GetValue<string>() }))["postComment"]!;
        Assert.Empty(posted["errors"]!.AsArray());
        Assert.NotNull(posted["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_editor_creates_a_draft_and_publishes_it()
    {
        var film = (await RunAsync("FilmToReview", token: ApiFactory.AdminToken))["film"]!;

        var draft = (await RunAsync("CreateDraftReview", new { filmId = film["id"]!.GetValue<string>() }, ApiFactory.AdminToken))["createReview"]!;
        Assert.Empty(draft["errors"]!.AsArray());
        Assert.Equal("DRAFT", draft["review"]!["status"]!.GetValue<string>());

        var published = (await RunAsync("PublishReview", new { id = draft["review"]!["id"]!.GetValue<string>(), version = draft["review"]!["version"]!.GetValue<int>() }, ApiFactory.AdminToken))["publishReview"]!;
        Assert.Empty(published["errors"]!.AsArray());
        Assert.Equal("PUBLISHED", published["review"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_editor_examples_explain_themselves_to_a_reader_without_a_token()
    {
        var answer = await SendAsync("CreateDraftReview", new { filmId = "RmlsbTpub25l" }, token: null);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", answer.FirstErrorCode);
    }

    private async Task<JsonNode> RunAsync(string operationName, object? variables = null, string? token = null)
    {
        var answer = await SendAsync(operationName, variables, token);
        Assert.True(answer.Errors is null, $"{operationName}: {answer.Errors?.ToJsonString()}");
        return answer.Data!;
    }

    private async Task<GraphQLResponse> SendAsync(string operationName, object? variables, string? token)
    {
        var client = new GraphQLClient(_http!);
        var body = JsonSerializer.Serialize(new { query = Document, operationName, variables });
        return await client.SendAsync(HttpMethod.Post, "/graphql", body, "application/json", GraphQLClient.GraphQLResponse, token);
    }
}
