using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Marten;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>
/// The draft review of The Master, and comments that are not approved, stay out of every public read
/// path; publishing the draft brings it into every one of them.
/// </summary>
public sealed class DraftVisibilityTests(ApiFactory api) : ApiTest(api)
{
    private static readonly Guid Draft = DemoIds.For("review", "the-master");
    private static readonly Guid CommentOnDraft = DemoIds.For("comment", "test-on-the-master");

    // Every way an anonymous reader could come across the review of The Master.
    private const string PathsQuery = """
        query Paths($id: ID!, $filmId: ID!, $personId: ID!, $commentId: ID!) {
          bySlug: review(slug: "the-master") { slug }
          byId: review(id: $id) { slug }
          newest: reviews(first: 100) { totalCount nodes { slug } }
          byHeadline: reviews(first: 100, orderBy: [{ field: HEADLINE, direction: ASC }]) { nodes { slug } }
          byUpdate: reviews(first: 100, orderBy: [{ field: UPDATED_AT }]) { nodes { slug } }
          ofFilm: reviews(where: { filmId: $filmId }) { totalCount nodes { slug } }
          ofPerson: reviews(where: { personId: $personId }) { nodes { slug } }
          ofVerdict: reviews(first: 100, where: { verdict: POP, genre: "drama" }) { nodes { slug } }
          node(id: $id) { ... on Review { slug } }
          nodes(ids: [$id]) { ... on Review { slug } }
          searchBody: search(query: "skeleton") { nodes { ... on Review { slug } } }
          searchHeadline: search(query: "review the master") { nodes { ... on Review { slug } } }
          film(slug: "the-master") { reviews { slug } }
          person(slug: "philip-seymour-hoffman") { films { reviews { slug } } }
          comment: node(id: $commentId) { ... on Comment { review { slug } } }
        }
        """;

    private static readonly string[] AllPaths =
    [
        "review(slug:)", "review(id:)", "reviews", "reviews.totalCount", "reviews(orderBy: HEADLINE)", "reviews(orderBy: UPDATED_AT)",
        "reviews(where: filmId)", "reviews(where: personId)", "reviews(where: verdict, genre)", "node", "nodes",
        "search (body)", "search (headline)", "film.reviews", "person.films.reviews", "node(comment on it)",
    ];

    [Fact]
    public async Task Draft_is_invisible_on_every_path()
    {
        var shown = await PathsShowingTheDraftAsync();

        Assert.Empty(shown);
    }

    [Fact]
    public async Task Published_draft_appears_on_every_path()
    {
        await using (var session = Api.Store.LightweightSession())
        {
            var review = (await session.LoadAsync<Review>(Draft))!;
            review.Status = ReviewStatus.Published;
            review.PublishedAt = review.UpdatedAt = new DateTimeOffset(2025, 3, 12, 9, 0, 0, TimeSpan.Zero);
            session.Store(review);
            await session.SaveChangesAsync();
        }
        try
        {
            var shown = await PathsShowingTheDraftAsync();

            Assert.Equal(AllPaths, shown);
        }
        finally
        {
            await using var session = Api.Store.LightweightSession();
            session.Store(DemoCatalogue.Build().Reviews.Single(r => r.Id == Draft));
            await session.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Unapproved_comments_stay_hidden()
    {
        var demo = DemoCatalogue.Build();
        var her = DemoIds.For("review", "her");
        var thread = DemoIds.For("comment", "her-1");
        // Replies in every state but approved, beside the demo's pending (her-5) and spam (her-6) threads.
        Comment[] replies =
        [
            Reply("test-pending-reply", "Pending Replier", CommentStatus.Pending),
            Reply("test-spam-reply", "Spam Replier", CommentStatus.Spam),
            Reply("test-trash-reply", "Trash Replier", CommentStatus.Trash),
        ];
        var hidden = demo.Comments.Where(c => c.ReviewId == her && c.Status != CommentStatus.Approved).Concat(replies).ToList();
        Assert.Equal(5, hidden.Count);

        await StoreAsync(session => session.Store(replies));
        try
        {
            var data = await GraphQL.DataAsync("""
                query Comments($thread: ID!, $hidden: [ID!]!) {
                  review(slug: "her") {
                    commentCount
                    comments(first: 100) { totalCount nodes { authorName replies { authorName } } }
                  }
                  thread: node(id: $thread) { ... on Comment { authorName replies { authorName } } }
                  nodes(ids: $hidden) { id }
                }
                """, new { thread = CommentId(thread), hidden = hidden.Select(c => CommentId(c.Id)).ToArray() });

            var review = data["review"]!;
            Assert.Equal(4, (int)review["commentCount"]!);
            Assert.Equal(3, (int)review["comments"]!["totalCount"]!);
            Assert.Equal(["Priya Shah", "Zoë Lefèvre", "Marcus Bell"], Names(review["comments"]!["nodes"]!));
            Assert.Equal(["Tom Ellery"], Names(review["comments"]!["nodes"]![0]!["replies"]!));
            Assert.Equal(["Tom Ellery"], Names(data["thread"]!["replies"]!));
            Assert.Equal(hidden.Count, data["nodes"]!.AsArray().Count);
            Assert.All(data["nodes"]!.AsArray(), node => Assert.Null(node));
            foreach (var comment in hidden)
                Assert.Null((await GraphQL.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = CommentId(comment.Id) }))["node"]);
            var text = data.ToJsonString();
            Assert.All(hidden, comment => Assert.DoesNotContain(comment.AuthorName, text, StringComparison.Ordinal));
        }
        finally
        {
            await StoreAsync(session =>
            {
                foreach (var reply in replies) session.Delete(reply);
            });
        }

        Comment Reply(string slug, string author, CommentStatus status) => new()
        {
            Id = DemoIds.For("comment", slug),
            ReviewId = her,
            ParentId = thread,
            AuthorName = author,
            AuthorEmail = "replier@example.net",
            Body = $"A {status} reply.",
            PostedAt = new DateTimeOffset(2014, 2, 15, 12, 0, 0, TimeSpan.Zero),
            Status = status,
        };
    }

    /// <summary>The read paths on which an anonymous reader finds the review of The Master (and an approved comment on it).</summary>
    private async Task<List<string>> PathsShowingTheDraftAsync()
    {
        var comment = new Comment
        {
            Id = CommentOnDraft,
            ReviewId = Draft,
            AuthorName = "Early Bird",
            AuthorEmail = "early.bird@example.net",
            Body = "First!",
            PostedAt = new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero),
            Status = CommentStatus.Approved,
        };
        await StoreAsync(session => session.Store(comment));
        JsonNode data;
        try
        {
            data = await GraphQL.DataAsync(PathsQuery, new
            {
                id = GlobalId.Encode("Review", Draft),
                filmId = GlobalId.Encode("Film", DemoIds.For("film", "the-master")),
                personId = GlobalId.Encode("Person", DemoIds.For("person", "philip-seymour-hoffman")),
                commentId = CommentId(CommentOnDraft),
            });
        }
        finally
        {
            await StoreAsync(session => session.Delete<Comment>(CommentOnDraft));
        }

        var published = DemoCatalogue.Build().Reviews.Count(r => r.IsPublished);
        var shown = new Dictionary<string, bool>
        {
            ["review(slug:)"] = IsTheDraft(data["bySlug"]),
            ["review(id:)"] = IsTheDraft(data["byId"]),
            ["reviews"] = Contains(data["newest"]!["nodes"]),
            // A count that includes the draft gives it away even when the list does not.
            ["reviews.totalCount"] = (int)data["newest"]!["totalCount"]! != published,
            ["reviews(orderBy: HEADLINE)"] = Contains(data["byHeadline"]!["nodes"]),
            ["reviews(orderBy: UPDATED_AT)"] = Contains(data["byUpdate"]!["nodes"]),
            ["reviews(where: filmId)"] = Contains(data["ofFilm"]!["nodes"]) || (int)data["ofFilm"]!["totalCount"]! > 0,
            ["reviews(where: personId)"] = Contains(data["ofPerson"]!["nodes"]),
            ["reviews(where: verdict, genre)"] = Contains(data["ofVerdict"]!["nodes"]),
            ["node"] = IsTheDraft(data["node"]),
            ["nodes"] = IsTheDraft(data["nodes"]![0]),
            ["search (body)"] = Contains(data["searchBody"]!["nodes"]),
            ["search (headline)"] = Contains(data["searchHeadline"]!["nodes"]),
            ["film.reviews"] = Contains(data["film"]!["reviews"]),
            ["person.films.reviews"] = data["person"]!["films"]!.AsArray().Any(film => Contains(film!["reviews"])),
            ["node(comment on it)"] = IsTheDraft(data["comment"]?["review"]),
        };
        Assert.Equal(AllPaths, shown.Keys);
        return [.. shown.Where(path => path.Value).Select(path => path.Key)];
    }

    private static bool IsTheDraft(JsonNode? review) => (string?)review?["slug"] == "the-master";

    private static bool Contains(JsonNode? reviews) => reviews!.AsArray().Any(IsTheDraft);

    private static List<string> Names(JsonNode comments) => [.. comments.AsArray().Select(c => (string)c!["authorName"]!)];

    private static string CommentId(Guid id) => GlobalId.Encode("Comment", id);

    private async Task StoreAsync(Action<IDocumentSession> change)
    {
        await using var session = Api.Store.LightweightSession();
        change(session);
        await session.SaveChangesAsync();
    }
}
