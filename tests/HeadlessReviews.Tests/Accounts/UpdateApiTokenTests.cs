using System.Text.Json.Nodes;
using HeadlessReviews.Api.Accounts;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Accounts;

/// <summary><c>updateApiToken</c>: an admin gives a token new roles, which hold from the next request on.</summary>
public sealed class UpdateApiTokenTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string Update = """
        mutation Update($input: UpdateApiTokenInput!) {
          updateApiToken(input: $input) { clientMutationId apiToken { id roles revokedAt } errors { field code message } }
        }
        """;

    // Needs EDITOR: the draft and its status.
    private const string DraftQuery = """{ review(slug: "the-master") { headline status } }""";
    private const string QueueQuery = "{ moderationQueue(first: 1) { nodes { id } } }";

    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _tokens.DeleteAllAsync();

    [Fact]
    public async Task New_roles_replace_the_old_ones_from_the_very_next_request()
    {
        var token = await _tokens.CreateAsync("Moderator, then editor", Roles.Moderator);
        Assert.Null((await GraphQL.PostAsync(QueueQuery, token: token.Secret)).Errors);
        Assert.Null((await GraphQL.DataAsync(DraftQuery, token: token.Secret))["review"]);

        var payload = (await GraphQL.DataAsync(Update, new { input = new { clientMutationId = "u-1", id = token.Id, roles = new[] { Roles.Editor, Roles.Editor } } }, ApiFactory.AdminToken))["updateApiToken"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("u-1", (string?)payload["clientMutationId"]);
        Assert.Equal([Roles.Editor], Strings(payload["apiToken"]!["roles"]));
        Assert.Equal("DRAFT", (string?)(await GraphQL.DataAsync(DraftQuery, token: token.Secret))["review"]!["status"]);
        var refused = await GraphQL.PostAsync(QueueQuery, token: token.Secret);
        Assert.Equal(AccessErrors.NotAuthorized, (string?)refused.Errors![0]!["extensions"]!["code"]);
        await using var session = Api.Store.QuerySession();
        Assert.Equal([Roles.Editor], (await session.LoadAsync<ApiToken>(token.DocumentId))!.Roles);
    }

    [Fact]
    public async Task Mistakes_are_user_errors_and_change_nothing()
    {
        var token = await _tokens.CreateAsync("Stays an editor", Roles.Editor);
        var revoked = await _tokens.CreateAsync("Revoked", Roles.Editor);
        await GraphQL.DataAsync("mutation($id: ID!) { revokeApiToken(input: { id: $id }) { errors { code } } }", new { id = revoked.Id }, ApiFactory.AdminToken);

        Assert.Equal(["roles REQUIRED"], await ErrorsAsync(token.Id, []));
        Assert.Equal(["id NOT_FOUND"], await ErrorsAsync(GlobalId.Encode("ApiToken", Guid.NewGuid()), [Roles.Editor]));
        Assert.Equal(["id WRONG_TYPE"], await ErrorsAsync(GlobalId.Encode("Review", DemoIds.For("review", "her")), [Roles.Editor]));
        Assert.Equal(["id FORMAT"], await ErrorsAsync("not-an-id", [Roles.Editor]));
        Assert.Equal(["id INVALID_STATE"], await ErrorsAsync(revoked.Id, [Roles.Admin]));

        await using var session = Api.Store.QuerySession();
        Assert.Equal([Roles.Editor], (await session.LoadAsync<ApiToken>(token.DocumentId))!.Roles);
        var stillRevoked = (await session.LoadAsync<ApiToken>(revoked.DocumentId))!;
        Assert.Equal([Roles.Editor], stillRevoked.Roles);
        Assert.True(stillRevoked.IsRevoked);
    }

    [Fact]
    public async Task Changing_roles_needs_ADMIN()
    {
        var editor = await _tokens.CreateAsync("Editor", Roles.Editor);
        var moderator = await _tokens.CreateAsync("Moderator", Roles.Moderator);
        foreach (var (caller, code) in new[] { ((string?)null, AccessErrors.NotAuthenticated), (editor.Secret, AccessErrors.NotAuthorized), (moderator.Secret, AccessErrors.NotAuthorized) })
        {
            var response = await GraphQL.PostAsync(Update, new { input = new { id = editor.Id, roles = new[] { Roles.Admin } } }, token: caller);
            Assert.Equal(code, (string?)Assert.Single(response.Errors!)!["extensions"]!["code"]);
            Assert.Null(response.Data?["updateApiToken"]);
        }
        await using var session = Api.Store.QuerySession();
        Assert.Equal([Roles.Editor], (await session.LoadAsync<ApiToken>(editor.DocumentId))!.Roles);
    }

    private async Task<List<string>> ErrorsAsync(string id, string[] roles)
    {
        var payload = (await GraphQL.DataAsync(Update, new { input = new { id, roles } }, ApiFactory.AdminToken))["updateApiToken"]!;
        return [.. payload["errors"]!.AsArray().Select(error => $"{string.Join('.', Strings(error!["field"]))} {error["code"]}")];
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(node => node!.ToString())];
}
