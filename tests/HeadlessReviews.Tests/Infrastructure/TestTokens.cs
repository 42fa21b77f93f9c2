using HeadlessReviews.Api.Accounts;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// API tokens made for one test through <c>createApiToken</c>, as the bootstrap admin, and deleted
/// again by <see cref="DeleteAllAsync"/>.
/// </summary>
public sealed class TestTokens(ApiFactory api, GraphQLClient graphQL)
{
    private readonly List<Guid> _created = [];

    public async Task<TestToken> CreateAsync(string name, params string[] roles)
    {
        var data = await graphQL.DataAsync("""
            mutation Create($input: CreateApiTokenInput!) {
              createApiToken(input: $input) { token { id } secret errors { code message } }
            }
            """, new { input = new { name, roles } }, ApiFactory.AdminToken);
        var payload = data["createApiToken"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        var id = (string)payload["token"]!["id"]!;
        var documentId = GlobalId.DecodeAs(id, "ApiToken")!.Value;
        _created.Add(documentId);
        return new TestToken(id, documentId, (string)payload["secret"]!);
    }

    /// <summary>Remembers a token a test created itself, to delete it with the rest.</summary>
    public void Track(Guid documentId) => _created.Add(documentId);

    public async Task DeleteAllAsync()
    {
        if (_created.Count == 0) return;
        await using var session = api.Store.LightweightSession();
        foreach (var id in _created) session.Delete<ApiToken>(id);
        await session.SaveChangesAsync();
        _created.Clear();
    }
}

/// <summary>A token as its creator sees it: the global id, the document id and the secret.</summary>
public sealed record TestToken(string Id, Guid DocumentId, string Secret);
