using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Marten;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>
/// Base of the review editing tests: an EDITOR token of its own, helpers to send the review mutations,
/// and clean-up of every review (with its comments and history) and token a test made.
/// </summary>
public abstract class ReviewEditingTest(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    public const string Payload = """
        fragment Payload on ReviewPayload {
          clientMutationId
          errors { field code message currentVersion }
          review {
            id version slug headline byline status publishedAt updatedAt
            body { markdown html }
            verdict { rating summary }
            film { slug title }
          }
        }
        """;

    private readonly List<string> _reviews = [];

    protected const string EditorName = "Review tests editor";

    protected TestTokens Tokens => field ??= new(Api, GraphQL);

    protected string Editor { get; private set; } = "";

    public async Task InitializeAsync() => Editor = (await Tokens.CreateAsync(EditorName, "EDITOR")).Secret;

    public async Task DisposeAsync()
    {
        var ids = _reviews.Select(id => GlobalId.DecodeAs(id, "Review")!.Value).ToArray();
        await using (var session = Api.Store.LightweightSession())
        {
            session.DeleteWhere<Comment>(comment => comment.ReviewId.IsOneOf(ids));
            session.DeleteWhere<Review>(review => review.Id.IsOneOf(ids));
            session.QueueSqlCommand("delete from public.mt_events where stream_id = any(?)", ids);
            session.QueueSqlCommand("delete from public.mt_streams where id = any(?)", ids);
            await session.SaveChangesAsync();
        }
        await Tokens.DeleteAllAsync();
    }

    protected static string FilmId(string slug) => GlobalId.Encode("Film", DemoIds.For("film", slug));

    protected async Task<string> CreateTokenAsync(string name, params string[] roles) => (await Tokens.CreateAsync(name, roles)).Secret;

    protected async Task RevokeTokenAsync(TestToken token)
    {
        var data = await GraphQL.DataAsync("mutation($id: ID!) { revokeApiToken(input: { id: $id }) { errors { code } } }", new { id = token.Id }, ApiFactory.AdminToken);
        Assert.Empty(data["revokeApiToken"]!["errors"]!.AsArray());
    }

    /// <summary>The input of a valid new review of a demo film; tests change what they need.</summary>
    protected static Dictionary<string, object?> NewReview(string film = "carol", string? slug = null) => new()
    {
        ["clientMutationId"] = "create-1",
        ["filmId"] = FilmId(film),
        ["slug"] = slug,
        ["byline"] = "Test Writer",
        ["body"] = "A first paragraph.\n\n> A pull-quote worth quoting.\n\nA last paragraph.",
        ["verdict"] = new Dictionary<string, object?> { ["rating"] = "POP", ["summary"] = "Worth the ticket." },
    };

    /// <summary>Sends one review mutation with the editor's token (unless told otherwise) and returns its payload.</summary>
    protected async Task<JsonNode> MutateAsync(string mutation, object input, string? token = null)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var data = await GraphQL.DataAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ ...Payload }} }} {Payload}",
            new { input }, token ?? Editor);
        var payload = data[mutation]!;
        if (mutation == "createReview" && payload["review"] is { } review) _reviews.Add((string)review["id"]!);
        return payload;
    }

    /// <summary>Creates a review that must be valid and returns it.</summary>
    protected async Task<JsonNode> CreateAsync(Dictionary<string, object?>? input = null)
    {
        var payload = await MutateAsync("createReview", input ?? NewReview());
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["review"]!;
    }

    /// <summary>Sends a mutation that must succeed and returns the review it answers.</summary>
    protected async Task<JsonNode> ChangeAsync(string mutation, object input)
    {
        var payload = await MutateAsync(mutation, input);
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"{mutation}: {payload["errors"]!.ToJsonString()}");
        return payload["review"]!;
    }

    protected static object At(JsonNode review, object? changes = null)
    {
        var input = new Dictionary<string, object?> { ["id"] = (string)review["id"]!, ["expectedVersion"] = (int)review["version"]! };
        foreach (var property in changes?.GetType().GetProperties() ?? []) input[property.Name] = property.GetValue(changes);
        return input;
    }

    /// <summary>The one user error of a payload.</summary>
    protected static (string Field, string Code) ErrorOf(JsonNode payload)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        return (string.Join(".", error["field"]!.AsArray().Select(part => (string)part!)), (string)error["code"]!);
    }

    protected async Task<int> ReviewCountAsync()
    {
        await using var session = Api.Store.QuerySession();
        return await session.Query<Review>().CountAsync();
    }
}
