using System.Text.Json.Nodes;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Security;

/// <summary>
/// Who sees what: bad tokens leave a caller anonymous and say why; the guarded fields
/// (<c>Review.status</c>, <c>Comment.status</c>, <c>Comment.authorEmail</c>) and drafts are shown to
/// the roles that need them only, on every read path.
/// </summary>
public sealed class AccessControlTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private static readonly Guid Draft = DemoIds.For("review", "the-master");
    private static readonly string DraftHeadline = DemoCatalogue.Build().Reviews.Single(review => review.Id == Draft).Headline;
    private static readonly string[] Emails = [.. DemoComments.Build().Select(comment => comment.AuthorEmail).Distinct()];

    // Public data beside a field that needs a role.
    private const string MixedQuery = """
        { film(slug: "her") { title } reviews(first: 2) { nodes { slug } } review(slug: "her") { headline status } }
        """;

    // Every path to the guarded fields of published reviews and approved comments, and to the draft.
    private const string EveryPathQuery = """
        query Paths($her: ID!, $thread: ID!, $reply: ID!, $pending: ID!, $spam: ID!, $draft: ID!) {
          review(slug: "her") {
            status
            comments(first: 100) { nodes { authorEmail status replies { authorEmail status } parent { authorEmail } } }
          }
          reviews(first: 100) { nodes { status comments { nodes { authorEmail status } } } }
          node(id: $her) { ... on Review { status } }
          thread: node(id: $thread) { ... on Comment { authorEmail status review { status } replies { authorEmail status } } }
          reply: node(id: $reply) { ... on Comment { authorEmail status parent { authorEmail status } } }
          nodes(ids: [$her, $draft]) { ... on Review { status } }
          commentNodes: nodes(ids: [$thread, $pending, $spam]) { ... on Comment { authorEmail status } }
          search(query: "her") { nodes { ... on Review { status comments { nodes { authorEmail status } } } } }
          film(slug: "her") { reviews { status comments { nodes { authorEmail replies { authorEmail status } } } } }
          person(slug: "joaquin-phoenix") { films { reviews { status } } }
          draft: review(slug: "the-master") { headline status }
          draftNode: node(id: $draft) { ... on Review { headline status } }
          draftSearch: search(query: "master") { nodes { ... on Review { headline status } } }
          draftFilm: film(slug: "the-master") { reviews { headline status } }
        }
        """;

    private static readonly object EveryPathVariables = new
    {
        her = GlobalId.Encode("Review", DemoIds.For("review", "her")),
        thread = CommentId("her-1"),
        reply = CommentId("her-2"),
        pending = CommentId("her-5"),
        spam = CommentId("her-6"),
        draft = GlobalId.Encode("Review", Draft),
    };

    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _tokens.DeleteAllAsync();

    [Fact]
    public async Task Anonymous_reads_need_no_header()
    {
        var response = await GraphQL.PostAsync("""{ film(slug: "her") { title } reviews(first: 2) { nodes { slug } } }""");

        Assert.Equal(200, response.Status);
        Assert.Null(response.Errors);
        Assert.Equal("Her", (string)response.Data!["film"]!["title"]!);
        Assert.Equal(2, response.Data["reviews"]!["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(null, "send `Authorization: Bearer <token>`")]
    [InlineData("Bearer", "must be `Bearer <token>`")]
    [InlineData("Bearer x", "The API token is malformed.")]
    [InlineData("Basic abc", "must be `Bearer <token>`")]
    [InlineData("garbage", "must be `Bearer <token>`")]
    [InlineData("Bearer hr_not a token", "The API token is malformed.")]
    [InlineData("Bearer hr_w3ll-f0rmed_but_n3ver_issued_0123456789abcdef", "The API token is not known.")]
    public async Task Bad_token_is_not_authenticated_and_says_why_while_public_data_still_comes(string? authorization, string reason)
    {
        var client = WithAuthorization(authorization);

        var response = await client.PostAsync(MixedQuery);

        Assert.Equal(200, response.Status);
        Assert.Equal("Her", (string)response.Data!["film"]!["title"]!);
        Assert.Equal(2, response.Data["reviews"]!["nodes"]!.AsArray().Count);
        Assert.Equal("Review – Her", (string)response.Data["review"]!["headline"]!);
        Assert.Null(response.Data["review"]!["status"]);
        var error = Assert.Single(response.Errors!);
        Assert.Equal(AccessErrors.NotAuthenticated, (string)error!["extensions"]!["code"]!);
        Assert.Equal(["review", "status"], Path(error));
        Assert.Contains(reason, (string)error["message"]!, StringComparison.Ordinal);

        // A mutation that needs a role is refused the same way.
        var mutation = await client.PostAsync("""mutation { createApiToken(input: { name: "x", roles: [ADMIN] }) { secret } }""");
        Assert.Equal(200, mutation.Status);
        Assert.Equal(AccessErrors.NotAuthenticated, mutation.FirstErrorCode);
        Assert.Contains(reason, (string)mutation.Errors![0]!["message"]!, StringComparison.Ordinal);
        Assert.Null(mutation.Data!["createApiToken"]);
    }

    [Fact]
    public async Task Revoked_token_is_not_authenticated_and_says_so_while_public_data_still_comes()
    {
        var token = await _tokens.CreateAsync("Revoked reader", Roles.Editor);
        await GraphQL.DataAsync("mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { revokedAt } } }", new { id = token.Id }, ApiFactory.AdminToken);

        var response = await GraphQL.PostAsync(MixedQuery, token: token.Secret);

        Assert.Equal("Her", (string)response.Data!["film"]!["title"]!);
        Assert.Null(response.Data["review"]!["status"]);
        var error = Assert.Single(response.Errors!);
        Assert.Equal(AccessErrors.NotAuthenticated, (string)error!["extensions"]!["code"]!);
        Assert.Contains("The API token has been revoked.", (string)error["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLClient.GraphQLResponse)]
    [InlineData("application/json")]
    public async Task Access_errors_in_a_well_formed_request_come_with_HTTP_200_in_either_media_type(string accept)
    {
        var moderator = await _tokens.CreateAsync("Moderator", Roles.Moderator);

        foreach (var (token, code) in new (string? Token, string Code)[] { (null, AccessErrors.NotAuthenticated), (moderator.Secret, AccessErrors.NotAuthorized) })
        {
            var response = await GraphQL.PostAsync("""mutation { createApiToken(input: { name: "x", roles: [ADMIN] }) { secret } }""", accept: accept, token: token);

            Assert.Equal(200, response.Status);
            Assert.Equal(accept, response.MediaType);
            Assert.Equal(code, response.FirstErrorCode);
        }
    }

    [Fact]
    public async Task Anonymous_callers_get_null_and_an_error_for_guarded_fields_on_every_path_and_never_the_data()
    {
        var response = await Api.CreateUnlimitedClient().PostAsync(EveryPathQuery, EveryPathVariables);

        Assert.Equal(200, response.Status);
        var guarded = GuardedLeaves(response.Data!);
        Assert.All(guarded, leaf => Assert.Null(leaf.Value));
        Assert.Equal(
            ["review", "reviews", "node", "thread", "reply", "nodes", "commentNodes", "search", "film", "person"],
            guarded.Select(leaf => leaf.Path.Split('.')[0]).Distinct());
        Assert.Equal(guarded.Select(leaf => leaf.Path).Order(), response.Errors!.Select(error => string.Join('.', Path(error))).Order());
        Assert.All(response.Errors!, error => Assert.Equal(AccessErrors.NotAuthenticated, (string)error!["extensions"]!["code"]!));
        Assert.Contains("needs an API token with the role", (string)response.Errors![0]!["message"]!, StringComparison.Ordinal);

        // Nothing unpublished or unapproved either.
        var data = response.Data!;
        Assert.Null(data["draft"]);
        Assert.Null(data["draftNode"]);
        Assert.DoesNotContain(data["draftSearch"]!["nodes"]!.AsArray(), node => node!.AsObject().Count > 0);
        Assert.Empty(data["draftFilm"]!["reviews"]!.AsArray());
        Assert.Equal([false, true], data["nodes"]!.AsArray().Select(node => node is null));
        Assert.Equal([false, true, true], data["commentNodes"]!.AsArray().Select(node => node is null));
        NeverShown(response.Body, [.. Emails, DraftHeadline]);
    }

    [Fact]
    public async Task Editor_sees_drafts_and_review_status_on_every_path_but_not_commenters_addresses()
    {
        var editor = await _tokens.CreateAsync("Editor", Roles.Editor);

        var response = await GraphQL.PostAsync("""
            query Editor($draft: ID!, $thread: ID!) {
              review(slug: "the-master") { headline status }
              reviews(first: 100) { totalCount nodes { slug status } }
              node(id: $draft) { ... on Review { slug status } }
              search(query: "master") { nodes { ... on Review { slug status } } }
              film(slug: "the-master") { reviews { slug status } }
              her: review(slug: "her") { status comments(first: 100) { nodes { authorName authorEmail status } } }
              thread: node(id: $thread) { ... on Comment { authorEmail status } }
            }
            """, new { draft = GlobalId.Encode("Review", Draft), thread = CommentId("her-1") }, token: editor.Secret);

        var data = response.Data!;
        Assert.Equal(DraftHeadline, (string)data["review"]!["headline"]!);
        Assert.Equal("DRAFT", (string)data["review"]!["status"]!);
        Assert.Equal(DemoCatalogue.Build().Reviews.Count, (int)data["reviews"]!["totalCount"]!);
        Assert.Contains(data["reviews"]!["nodes"]!.AsArray(), node => (string)node!["slug"]! == "the-master" && (string)node["status"]! == "DRAFT");
        Assert.Equal("DRAFT", (string)data["node"]!["status"]!);
        Assert.Contains(data["search"]!["nodes"]!.AsArray(), node => (string?)node!["slug"] == "the-master");
        Assert.Equal(["the-master"], data["film"]!["reviews"]!.AsArray().Select(node => (string)node!["slug"]!));
        Assert.Equal("PUBLISHED", (string)data["her"]!["status"]!);

        // Comments' guarded fields are a moderator's: null, each with its error.
        var guarded = GuardedLeaves(data).Where(leaf => leaf.Value is null).ToList();
        Assert.Equal(8, guarded.Count); // three comments and a thread, two fields each
        Assert.Equal(guarded.Select(leaf => leaf.Path).Order(), response.Errors!.Select(error => string.Join('.', Path(error))).Order());
        Assert.All(response.Errors!, error => Assert.Equal(AccessErrors.NotAuthorized, (string)error!["extensions"]!["code"]!));
        Assert.Contains("MODERATOR", (string)response.Errors![0]!["message"]!, StringComparison.Ordinal);
        NeverShown(response.Body, Emails);
    }

    [Fact]
    public async Task Moderator_sees_commenters_addresses_and_comment_status_but_not_drafts()
    {
        var moderator = await _tokens.CreateAsync("Moderator", Roles.Moderator);

        var response = await GraphQL.PostAsync("""
            query Moderator($draft: ID!, $pending: ID!, $spam: ID!) {
              her: review(slug: "her") { status comments(first: 100) { nodes { authorEmail status replies { authorEmail status } } } }
              pending: node(id: $pending) { ... on Comment { authorEmail status } }
              spam: node(id: $spam) { ... on Comment { authorEmail status } }
              draft: review(slug: "the-master") { headline }
              draftNode: node(id: $draft) { ... on Review { headline } }
              reviews(first: 100) { totalCount nodes { slug } }
              search(query: "master") { nodes { ... on Review { headline } } }
              film(slug: "the-master") { reviews { headline } }
            }
            """, new { draft = GlobalId.Encode("Review", Draft), pending = CommentId("her-5"), spam = CommentId("her-6") }, token: moderator.Secret);

        var data = response.Data!;
        var comments = data["her"]!["comments"]!["nodes"]!.AsArray();
        Assert.Equal(["priya.shah@example.com", "zoe.lefevre@example.com", "marcus.bell@example.com"], comments.Select(c => (string)c!["authorEmail"]!));
        Assert.All(comments, comment => Assert.Equal("APPROVED", (string)comment!["status"]!));
        Assert.Equal("tom.ellery@example.net", (string)comments[0]!["replies"]![0]!["authorEmail"]!);
        Assert.Equal("jo.whitcombe@example.net", (string)data["pending"]!["authorEmail"]!);
        Assert.Equal("PENDING", (string)data["pending"]!["status"]!);
        Assert.Equal("SPAM", (string)data["spam"]!["status"]!);

        Assert.Null(data["draft"]);
        Assert.Null(data["draftNode"]);
        Assert.Equal(DemoCatalogue.Build().Reviews.Count(review => review.IsPublished), (int)data["reviews"]!["totalCount"]!);
        Assert.DoesNotContain(data["reviews"]!["nodes"]!.AsArray(), node => (string)node!["slug"]! == "the-master");
        Assert.DoesNotContain(data["search"]!["nodes"]!.AsArray(), node => node!.AsObject().Count > 0);
        Assert.Empty(data["film"]!["reviews"]!.AsArray());
        NeverShown(response.Body, [DraftHeadline]);

        // Review.status is an editor's.
        Assert.Null(data["her"]!["status"]);
        var error = Assert.Single(response.Errors!);
        Assert.Equal(AccessErrors.NotAuthorized, (string)error!["extensions"]!["code"]!);
        Assert.Equal(["her", "status"], Path(error));
        Assert.Contains("EDITOR", (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_holds_every_role()
    {
        var data = await GraphQL.DataAsync("""
            query Admin($pending: ID!) {
              review(slug: "the-master") { status }
              pending: node(id: $pending) { ... on Comment { authorEmail status } }
            }
            """, new { pending = CommentId("her-5") }, ApiFactory.AdminToken);

        Assert.Equal("DRAFT", (string)data["review"]!["status"]!);
        Assert.Equal("jo.whitcombe@example.net", (string)data["pending"]!["authorEmail"]!);
        Assert.Equal("PENDING", (string)data["pending"]!["status"]!);
    }

    /// <summary>Every <c>status</c> and <c>authorEmail</c> in a response, by path (<c>review.comments.nodes.0.authorEmail</c>).</summary>
    private static List<(string Path, JsonNode? Value)> GuardedLeaves(JsonNode data)
    {
        var leaves = new List<(string, JsonNode?)>();
        Walk(data, "");
        return leaves;

        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj)
                    {
                        var at = path.Length == 0 ? name : $"{path}.{name}";
                        if (name is "status" or "authorEmail") leaves.Add((at, value));
                        else Walk(value, at);
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}.{i}");
                    break;
            }
        }
    }

    private static void NeverShown(string body, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets) Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
    }

    private static List<string> Path(JsonNode? error) => [.. error!["path"]!.AsArray().Select(part => part!.ToString())];

    private static string CommentId(string slug) => GlobalId.Encode("Comment", DemoIds.For("comment", slug));

    private GraphQLClient WithAuthorization(string? authorization)
    {
        var http = Api.CreateClient();
        if (authorization is not null) http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return new GraphQLClient(http);
    }
}
