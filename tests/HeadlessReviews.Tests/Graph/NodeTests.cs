using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Graph;

public sealed class NodeTests(ApiFactory api) : ApiTest(api)
{
    private const string NodeQuery = """
        query($id: ID!) {
          node(id: $id) {
            __typename
            id
            ... on Film { title }
            ... on Person { name }
            ... on Review { headline }
            ... on Comment { authorName body }
          }
        }
        """;

    private const string NodesQuery = """
        query($ids: [ID!]!) {
          nodes(ids: $ids) {
            __typename
            id
            ... on Film { title }
            ... on Person { name }
            ... on Review { headline }
          }
        }
        """;

    private static readonly string HerFilm = Id("Film", "film", "her");
    private static readonly string HerReview = Id("Review", "review", "her");
    private static readonly string JoaquinPhoenix = Id("Person", "person", "joaquin-phoenix");
    private static readonly string DraftReview = Id("Review", "review", "the-master");
    private static readonly string PendingComment = Id("Comment", "comment", "her-5");
    private static readonly string SpamComment = Id("Comment", "comment", "her-6");

    [Fact]
    public async Task Film_id_round_trips_through_node()
    {
        var film = (await GraphQL.DataAsync("""{ film(slug: "her") { id title } }"""))["film"]!;
        Assert.Equal(HerFilm, Text(film["id"]));

        var node = await NodeAsync(Text(film["id"]));

        Assert.Equal("Film", Text(node["__typename"]));
        Assert.Equal(HerFilm, Text(node["id"]));
        Assert.Equal("Her", Text(node["title"]));
    }

    [Fact]
    public async Task Person_id_round_trips_through_node()
    {
        var person = (await GraphQL.DataAsync("""{ person(slug: "joaquin-phoenix") { id } }"""))["person"]!;
        Assert.Equal(JoaquinPhoenix, Text(person["id"]));

        var node = await NodeAsync(Text(person["id"]));

        Assert.Equal("Person", Text(node["__typename"]));
        Assert.Equal("Joaquin Phoenix", Text(node["name"]));
    }

    [Fact]
    public async Task Review_id_round_trips_through_node()
    {
        var review = (await GraphQL.DataAsync("""{ review(slug: "her") { id headline } }"""))["review"]!;
        Assert.Equal(HerReview, Text(review["id"]));

        var node = await NodeAsync(Text(review["id"]));

        Assert.Equal("Review", Text(node["__typename"]));
        Assert.Equal(Text(review["headline"]), Text(node["headline"]));
        Assert.Contains("Her", Text(node["headline"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_id_round_trips_through_node()
    {
        var data = await GraphQL.DataAsync("""{ review(slug: "her") { comments(first: 1) { nodes { id authorName } } } }""");
        var comment = data["review"]!["comments"]!["nodes"]![0]!;
        Assert.Equal(Id("Comment", "comment", "her-1"), Text(comment["id"]));

        var node = await NodeAsync(Text(comment["id"]));

        Assert.Equal("Comment", Text(node["__typename"]));
        Assert.Equal("Priya Shah", Text(node["authorName"]));
        Assert.StartsWith("Went to see this tonight", Text(node["body"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_keeps_the_order_asked_with_null_for_unknown_ids()
    {
        var unknown = GlobalId.Encode("Film", Guid.NewGuid());

        var response = await GraphQL.PostAsync(NodesQuery, new { ids = new[] { HerReview, unknown, JoaquinPhoenix, HerFilm, HerReview } });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Errors);
        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);
        Assert.Equal("Review", Text(nodes[0]!["__typename"]));
        Assert.Null(nodes[1]);
        Assert.Equal("Joaquin Phoenix", Text(nodes[2]!["name"]));
        Assert.Equal("Her", Text(nodes[3]!["title"]));
        Assert.Equal(HerReview, Text(nodes[4]!["id"]));
    }

    [Fact]
    public async Task Nodes_puts_null_and_an_error_for_malformed_ids()
    {
        var response = await GraphQL.PostAsync(NodesQuery, new { ids = new[] { HerFilm, "not-an-id", JoaquinPhoenix } });

        Assert.Equal(200, response.Status);
        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Equal(3, nodes.Count);
        Assert.Equal("Film", Text(nodes[0]!["__typename"]));
        Assert.Null(nodes[1]);
        Assert.Equal("Person", Text(nodes[2]!["__typename"]));
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("BAD_USER_INPUT", Text(error["extensions"]!["code"]));
        Assert.Contains("not-an-id", Text(error["message"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_of_several_types_are_fetched_in_one_round_trip_per_type()
    {
        string[] ids =
        [
            Id("Film", "film", "her"), Id("Film", "film", "arrival"), Id("Film", "film", "joker"),
            Id("Person", "person", "joaquin-phoenix"), Id("Person", "person", "amy-adams"),
        ];
        Api.RoundTrips.Reset();

        var response = await GraphQL.PostAsync(NodesQuery, new { ids });

        Assert.Null(response.Errors);
        Assert.Equal(["Film", "Film", "Film", "Person", "Person"], response.Data!["nodes"]!.AsArray().Select(node => Text(node!["__typename"])));
        Assert.Equal(2, Api.RoundTrips.Count);
    }

    [Fact]
    public async Task Nodes_takes_100_ids()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => HerFilm).ToArray();

        var response = await GraphQL.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Null(response.Errors);
        Assert.Equal(100, response.Data!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Nodes_refuses_more_than_100_ids()
    {
        var ids = Enumerable.Range(0, 101).Select(_ => GlobalId.Encode("Film", Guid.NewGuid())).ToArray();

        var response = await GraphQL.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal(200, response.Status);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("BAD_USER_INPUT", Text(error["extensions"]!["code"]));
        Assert.Contains("100", Text(error["message"]), StringComparison.Ordinal);
        Assert.Null(response.Data?["nodes"]);
    }

    [Fact]
    public async Task Node_of_an_unknown_id_is_null_without_error()
    {
        var response = await GraphQL.PostAsync(NodeQuery, new { id = GlobalId.Encode("Review", Guid.NewGuid()) });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Errors);
        Assert.True(response.Data!.AsObject().ContainsKey("node"));
        Assert.Null(response.Data["node"]);
    }

    [Fact]
    public async Task Node_of_a_draft_review_is_null_for_the_public()
    {
        var response = await GraphQL.PostAsync(NodeQuery, new { id = DraftReview });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Errors);
        Assert.Null(response.Data!["node"]);
        Assert.DoesNotContain("Master", response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Review_by_id_and_nodes_hide_the_draft_too()
    {
        var response = await GraphQL.PostAsync("""
            query($id: ID!) {
              review(id: $id) { headline }
              nodes(ids: [$id]) { id ... on Review { headline } }
            }
            """, new { id = DraftReview });

        Assert.Null(response.Errors);
        Assert.Null(response.Data!["review"]);
        Assert.Null(Assert.Single(response.Data["nodes"]!.AsArray()));
        Assert.DoesNotContain("Master", response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("her-5", "Jo Whitcombe", "jo.whitcombe@example.net")]
    [InlineData("her-6", "Best Replica Watches", "deals@example.net")]
    public async Task Node_of_a_comment_not_approved_is_null_for_the_public(string slug, string author, string email)
    {
        var id = Id("Comment", "comment", slug);

        var response = await GraphQL.PostAsync("""
            query($id: ID!) {
              node(id: $id) { __typename ... on Comment { authorName body } }
              nodes(ids: [$id]) { id }
            }
            """, new { id });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Errors);
        Assert.Null(response.Data!["node"]);
        Assert.Null(Assert.Single(response.Data["nodes"]!.AsArray()));
        Assert.DoesNotContain(author, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(email, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_of_an_approved_comment_on_a_draft_review_is_null_for_the_public()
    {
        var comment = new Comment
        {
            Id = Guid.NewGuid(),
            ReviewId = DemoIds.For("review", "the-master"),
            AuthorName = "Early Reader",
            AuthorEmail = "early.reader@example.net",
            Body = "Seen at a press preview.",
            PostedAt = DateTimeOffset.UtcNow,
            Status = CommentStatus.Approved,
        };
        await using (var session = Api.Store.LightweightSession())
        {
            session.Store(comment);
            await session.SaveChangesAsync();
        }
        try
        {
            var response = await GraphQL.PostAsync(NodeQuery, new { id = GlobalId.Encode("Comment", comment.Id) });

            Assert.Null(response.Errors);
            Assert.Null(response.Data!["node"]);
            Assert.DoesNotContain("press preview", response.Body, StringComparison.Ordinal);
        }
        finally
        {
            await using var session = Api.Store.LightweightSession();
            session.Delete<Comment>(comment.Id);
            await session.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Nodes_hides_pending_and_spam_comments_among_approved_ones()
    {
        var approved = Id("Comment", "comment", "her-1");

        var response = await GraphQL.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            new { ids = new[] { PendingComment, approved, SpamComment } });

        Assert.Null(response.Errors);
        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Null(nodes[0]);
        Assert.Equal(approved, Text(nodes[1]!["id"]));
        Assert.Null(nodes[2]);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("")]
    [InlineData("RmlsbTp4eXo")] // base64url of "Film:xyz": the right shape, no Guid
    [InlineData("Rm9vOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw")] // "Foo:000…": a type this API does not have
    public async Task Node_of_a_malformed_id_is_a_user_error(string id)
    {
        var response = await GraphQL.PostAsync(NodeQuery, new { id });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Data!["node"]);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("BAD_USER_INPUT", Text(error["extensions"]!["code"]));
        Assert.Contains("id", Text(error["message"]), StringComparison.Ordinal);
        Assert.Equal("node", Text(error["path"]![0]));
    }

    [Fact]
    public async Task Film_by_the_id_of_a_review_is_a_clear_error()
    {
        var response = await GraphQL.PostAsync("query($id: ID!) { film(id: $id) { title } }", new { id = HerReview });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Data!["film"]);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("BAD_USER_INPUT", Text(error["extensions"]!["code"]));
        Assert.Contains("Film", Text(error["message"]), StringComparison.Ordinal);
        Assert.Contains("`id`", Text(error["message"]), StringComparison.Ordinal);
    }

    private async Task<JsonNode> NodeAsync(string id)
    {
        var data = await GraphQL.DataAsync(NodeQuery, new { id });
        return data["node"] ?? throw new Xunit.Sdk.XunitException($"node(id: \"{id}\") was null.");
    }

    /// <summary>The global id of a demo object, as the API hands it out.</summary>
    private static string Id(string typeName, string kind, string slug) => GlobalId.Encode(typeName, DemoIds.For(kind, slug));

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("Expected a string, found null.");
}
