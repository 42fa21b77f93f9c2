using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Comments.Moderation;

/// <summary>
/// <c>moderationQueue</c>, <c>moderateComment</c> and <c>moderateComments</c> through HTTP: what the queue
/// holds and in which order, each decision and what the public then sees and counts, stale versions,
/// all-or-nothing bulk decisions, and who may moderate. Comments made here are deleted afterwards and
/// the demo's her-5 (pending) and her-6 (spam) are put back as they were.
/// </summary>
public sealed class ModerationTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string CommentFields = """
        id version status authorName authorEmail clientAddressHash userAgent spamVerdict spamReasons moderatedAt moderatedBy
        review { headline }
        """;

    private const string Queue = $$"""
        query($status: CommentStatus, $first: Int, $after: String, $last: Int, $before: String) {
          moderationQueue(status: $status, first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { {{CommentFields}} } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private const string ModerateOne = $$"""
        mutation($input: ModerateCommentInput!) {
          moderateComment(input: $input) { clientMutationId comment { {{CommentFields}} } errors { field code message currentVersion } }
        }
        """;

    private const string ModerateMany = $$"""
        mutation($input: ModerateCommentsInput!) {
          moderateComments(input: $input) { clientMutationId comments { {{CommentFields}} } errors { field code message } }
        }
        """;

    private const string HerThread = """{ review(slug: "her") { commentCount comments(first: 100) { nodes { id } } } }""";

    private static readonly Guid Her = DemoIds.For("review", "her");
    private static readonly string Pending5 = Id(DemoIds.For("comment", "her-5"));
    private static readonly string Spam6 = Id(DemoIds.For("comment", "her-6"));
    private static readonly string Approved1 = Id(DemoIds.For("comment", "her-1"));

    private readonly List<Guid> _inserted = [];
    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));
    private string _moderator = "";
    private string _editor = "";

    public async Task InitializeAsync()
    {
        _moderator = (await _tokens.CreateAsync("moderation tests", Roles.Moderator)).Secret;
        _editor = (await _tokens.CreateAsync("moderation tests (editor)", Roles.Editor)).Secret;
        await RestoreDemoCommentsAsync();
    }

    [Fact]
    public async Task Queue_lists_pending_comments_newest_first_with_what_moderators_need()
    {
        var (oldest, middle, newest) = (await InsertAsync(1), await InsertAsync(2), await InsertAsync(3));

        var first = (await GraphQL.DataAsync(Queue, new { first = 2 }, _moderator))["moderationQueue"]!;
        Assert.Equal([Id(newest), Id(middle)], Ids(first));
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        var node = first["edges"]![0]!["node"]!;
        Assert.Equal("PENDING", (string?)node["status"]);
        Assert.Equal("reader3@example.org", (string?)node["authorEmail"]);
        Assert.Equal("hash-3", (string?)node["clientAddressHash"]);
        Assert.Equal("TestBrowser/3", (string?)node["userAgent"]);
        Assert.Equal("UNSURE", (string?)node["spamVerdict"]);
        Assert.Equal(["checker timed out", "first comment"], node["spamReasons"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("Review – Her", (string?)node["review"]!["headline"]);
        Assert.Equal(1, (int?)node["version"]);

        var rest = (await GraphQL.DataAsync(Queue, new { first = 100, after = (string)first["pageInfo"]!["endCursor"]! }, _moderator))["moderationQueue"]!;
        var restIds = Ids(rest);
        Assert.Equal(Id(oldest), restIds[0]);
        Assert.Contains(Pending5, restIds);
        Assert.DoesNotContain(Spam6, restIds);
        Assert.DoesNotContain(Approved1, restIds);
        var jo = rest["edges"]!.AsArray().Single(edge => (string)edge!["node"]!["id"]! == Pending5)!["node"]!;
        Assert.Equal("jo.whitcombe@example.net", (string?)jo["authorEmail"]);
        Assert.Empty(jo["spamReasons"]!.AsArray());

        var back = (await GraphQL.DataAsync(Queue, new { last = 1, before = (string)rest["edges"]![0]!["cursor"]! }, _moderator))["moderationQueue"]!;
        Assert.Equal([Id(middle)], Ids(back));
        Assert.True((bool)back["pageInfo"]!["hasPreviousPage"]!);
    }

    [Fact]
    public async Task Queue_filters_by_status()
    {
        var spam = Ids((await GraphQL.DataAsync(Queue, new { status = "SPAM", first = 100 }, _moderator))["moderationQueue"]!);
        Assert.Contains(Spam6, spam);
        Assert.DoesNotContain(Pending5, spam);

        var approved = Ids((await GraphQL.DataAsync(Queue, new { status = "APPROVED", first = 100 }, _moderator))["moderationQueue"]!);
        Assert.Contains(Approved1, approved);
        Assert.DoesNotContain(Pending5, approved);
        var trash = Ids((await GraphQL.DataAsync(Queue, new { status = "TRASH", first = 100 }, ApiFactory.AdminToken))["moderationQueue"]!);
        Assert.DoesNotContain(Pending5, trash);
        Assert.DoesNotContain(Spam6, trash);
    }

    [Fact]
    public async Task Each_action_changes_what_the_public_sees_and_counts()
    {
        try
        {
            var (count, visible) = await PublicThreadAsync();
            Assert.DoesNotContain(Pending5, visible);

            var (_, v) = await StatusAsync(Pending5);
            var approved = await ModerateAsync(Pending5, "APPROVE", v!.Value, "approve-1");
            Assert.Equal("approve-1", (string?)approved["clientMutationId"]);
            Assert.Empty(approved["errors"]!.AsArray());
            var comment = approved["comment"]!;
            Assert.Equal("APPROVED", (string?)comment["status"]);
            Assert.Equal(v + 1, (int?)comment["version"]);
            Assert.Equal("moderation tests", (string?)comment["moderatedBy"]);
            Assert.True(DateTimeOffset.Parse((string)comment["moderatedAt"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-5));
            Assert.Equal((count + 1, true), await CountAndVisibleAsync(Pending5));

            Assert.Equal("TRASH", (string?)(await ModerateAsync(Pending5, "TRASH", v.Value + 1))["comment"]!["status"]);
            Assert.Equal((count, false), await CountAndVisibleAsync(Pending5));

            Assert.Equal("PENDING", (string?)(await ModerateAsync(Pending5, "RESTORE", v.Value + 2))["comment"]!["status"]);
            Assert.Equal((count, false), await CountAndVisibleAsync(Pending5));

            Assert.Equal("SPAM", (string?)(await ModerateAsync(Pending5, "SPAM", v.Value + 3))["comment"]!["status"]);
            Assert.Equal((count, false), await CountAndVisibleAsync(Pending5));
            Assert.Contains(Pending5, Ids((await GraphQL.DataAsync(Queue, new { status = "SPAM", first = 100 }, _moderator))["moderationQueue"]!));

            var restored = (await ModerateAsync(Pending5, "RESTORE", v.Value + 4))["comment"]!;
            Assert.Equal(("PENDING", v + 5), ((string?)restored["status"], (int?)restored["version"]));

            // Spam approved straight away: a false positive.
            Assert.Equal("APPROVED", (string?)(await ModerateAsync(Spam6, "APPROVE", (await StatusAsync(Spam6)).Version!.Value))["comment"]!["status"]);
            Assert.Equal((count + 1, true), await CountAndVisibleAsync(Spam6));
        }
        finally
        {
            await RestoreDemoCommentsAsync();
        }
    }

    [Fact]
    public async Task Trashing_a_comment_hides_its_replies_from_the_count_too_and_approving_it_again_brings_them_back()
    {
        try
        {
            const string thread = """{ review(slug: "her") { commentCount comments(first: 100) { nodes { id replies { id } } } } }""";
            var before = (await GraphQL.DataAsync(thread))["review"]!;
            var reply = Id(DemoIds.For("comment", "her-2"));
            Assert.Contains(before["comments"]!["nodes"]!.AsArray(), node => node!["replies"]!.AsArray().Any(r => (string?)r!["id"] == reply));

            var (_, version) = await StatusAsync(Approved1);
            Assert.Equal("TRASH", (string?)(await ModerateAsync(Approved1, "TRASH", version!.Value))["comment"]!["status"]);

            // The reply is still approved, but a reader cannot see it: it is not counted either.
            var after = (await GraphQL.DataAsync(thread))["review"]!;
            Assert.Equal((int)before["commentCount"]! - 2, (int)after["commentCount"]!);
            Assert.DoesNotContain(after["comments"]!["nodes"]!.AsArray(), node => node!["replies"]!.AsArray().Any(r => (string?)r!["id"] == reply));

            Assert.Equal("PENDING", (string?)(await ModerateAsync(Approved1, "RESTORE", version.Value + 1))["comment"]!["status"]);
            Assert.Equal("APPROVED", (string?)(await ModerateAsync(Approved1, "APPROVE", version.Value + 2))["comment"]!["status"]);
            Assert.Equal((int)before["commentCount"]!, (int)(await GraphQL.DataAsync(thread))["review"]!["commentCount"]!);
        }
        finally
        {
            await RestoreDemoCommentsAsync();
        }
    }

    [Theory]
    [InlineData("her-5", "RESTORE", "PENDING")]
    [InlineData("her-1", "APPROVE", "APPROVED")]
    [InlineData("her-6", "SPAM", "SPAM")]
    public async Task An_action_that_does_not_apply_is_refused(string slug, string action, string status)
    {
        var id = Id(DemoIds.For("comment", slug));
        var (_, version) = await StatusAsync(id);
        var payload = await ModerateAsync(id, action, version!.Value);

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(("INVALID_STATE", """["action"]"""), ((string?)error["code"], error["field"]!.ToJsonString()));
        Assert.Equal((status, version), ((string?)payload["comment"]!["status"], (int?)payload["comment"]!["version"]));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var id = Id(await InsertAsync(1));
        Assert.Empty((await ModerateAsync(id, "SPAM", 1))["errors"]!.AsArray());

        var stale = await ModerateAsync(id, "APPROVE", 1);

        var error = Assert.Single(stale["errors"]!.AsArray())!;
        Assert.Equal(("VERSION_CONFLICT", 2, """["expectedVersion"]"""), ((string?)error["code"], (int?)error["currentVersion"], error["field"]!.ToJsonString()));
        Assert.Equal(("SPAM", 2), ((string?)stale["comment"]!["status"], (int?)stale["comment"]!["version"]));
    }

    [Fact]
    public async Task Unknown_and_foreign_ids_are_user_errors()
    {
        var unknown = await ModerateAsync(Id(Guid.NewGuid()), "APPROVE", 1);
        Assert.Equal(("NOT_FOUND", """["commentId"]"""), ((string?)unknown["errors"]![0]!["code"], unknown["errors"]![0]!["field"]!.ToJsonString()));
        Assert.Null(unknown["comment"]);

        var review = await ModerateAsync(GlobalId.Encode("Review", Her), "APPROVE", 1);
        Assert.Equal("WRONG_TYPE", (string?)review["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Bulk_applies_one_action_to_all_in_the_order_given()
    {
        var ids = new[] { await InsertAsync(2), await InsertAsync(1), await InsertAsync(3) }.Select(Id).ToArray();
        var (count, _) = await PublicThreadAsync();

        var payload = await ModerateManyAsync(ids, "APPROVE", "bulk-1");

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("bulk-1", (string?)payload["clientMutationId"]);
        var comments = payload["comments"]!.AsArray();
        Assert.Equal(ids, comments.Select(c => (string)c!["id"]!));
        Assert.All(comments, c => Assert.Equal(("APPROVED", 2, "moderation tests"), ((string?)c!["status"], (int?)c["version"], (string?)c["moderatedBy"])));
        Assert.Equal(count + 3, (await PublicThreadAsync()).Count);

        var trashed = await ModerateManyAsync(ids, "TRASH");
        Assert.All(trashed["comments"]!.AsArray(), c => Assert.Equal(("TRASH", 3), ((string?)c!["status"], (int?)c["version"])));
        Assert.Equal(count, (await PublicThreadAsync()).Count);
    }

    [Fact]
    public async Task Bulk_writes_nothing_when_any_id_fails()
    {
        var ids = new List<string> { Id(await InsertAsync(1)), Id(await InsertAsync(2)), Id(Guid.NewGuid()), Approved1 };

        var approvedBefore = await StatusAsync(Approved1);

        var payload = await ModerateManyAsync(ids, "APPROVE");

        Assert.Empty(payload["comments"]!.AsArray());
        var errors = payload["errors"]!.AsArray();
        Assert.Equal(["""["commentIds","2"] NOT_FOUND""", """["commentIds","3"] INVALID_STATE"""],
            errors.Select(e => $"{e!["field"]!.ToJsonString()} {(string)e["code"]!}"));
        foreach (var id in ids.Take(2))
            Assert.Equal(("PENDING", 1), await StatusAsync(id));
        Assert.Equal(approvedBefore, await StatusAsync(Approved1));

        var repeated = await ModerateManyAsync([ids[0], ids[1], ids[0]], "SPAM");
        Assert.Equal("""["commentIds","2"]""", Assert.Single(repeated["errors"]!.AsArray())!["field"]!.ToJsonString());
        Assert.Equal(("PENDING", 1), await StatusAsync(ids[0]));

        var wrongType = await ModerateManyAsync([ids[0], GlobalId.Encode("Review", Her)], "SPAM");
        Assert.Equal("""["commentIds","1"] WRONG_TYPE""", string.Join(",", wrongType["errors"]!.AsArray().Select(e => $"{e!["field"]!.ToJsonString()} {(string)e["code"]!}")));
    }

    [Theory]
    [InlineData(0, "REQUIRED")]
    [InlineData(101, "OUT_OF_RANGE")]
    public async Task Bulk_takes_one_to_a_hundred_ids(int count, string code)
    {
        var payload = await ModerateManyAsync(Enumerable.Range(0, count).Select(_ => Id(Guid.NewGuid())).ToList(), "TRASH");

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal((code, """["commentIds"]"""), ((string?)error["code"], error["field"]!.ToJsonString()));
    }

    [Theory]
    [InlineData(null, "AUTH_NOT_AUTHENTICATED")]
    [InlineData("editor", "AUTH_NOT_AUTHORIZED")]
    public async Task Only_moderators_moderate(string? who, string code)
    {
        var token = who is null ? null : _editor;
        var before = await StatusAsync(Pending5);

        var queue = await GraphQL.PostAsync(Queue, new { first = 5 }, token: token);
        Assert.Equal(code, queue.FirstErrorCode);
        Assert.Null(queue.Data?["moderationQueue"]);

        var one = await GraphQL.PostAsync(ModerateOne, new { input = new { commentId = Pending5, action = "APPROVE", expectedVersion = 1 } }, token: token);
        Assert.Equal(code, one.FirstErrorCode);
        var many = await GraphQL.PostAsync(ModerateMany, new { input = new { commentIds = new[] { Pending5 }, action = "APPROVE" } }, token: token);
        Assert.Equal(code, many.FirstErrorCode);
        Assert.Equal(before, await StatusAsync(Pending5));

        // The moderator-only fields of a public comment: null, with the same error each.
        var fields = await GraphQL.PostAsync("""
            { review(slug: "her") { comments(first: 1) { nodes { version authorEmail status clientAddressHash userAgent spamVerdict moderatedAt moderatedBy } } } }
            """, token: token);
        var node = fields.Data!["review"]!["comments"]!["nodes"]![0]!;
        Assert.NotNull((int?)node["version"]);
        foreach (var field in new[] { "authorEmail", "status", "clientAddressHash", "userAgent", "spamVerdict", "moderatedAt", "moderatedBy" })
            Assert.Null(node[field]);
        Assert.Equal(7, fields.Errors!.Count);
        Assert.All(fields.Errors!, error => Assert.Equal(code, (string?)error!["extensions"]!["code"]));
    }

    [Fact]
    public async Task Admins_moderate_too()
    {
        var id = Id(await InsertAsync(1));
        var payload = (await GraphQL.DataAsync(ModerateOne, new { input = new { commentId = id, action = "TRASH", expectedVersion = 1 } }, ApiFactory.AdminToken))["moderateComment"]!;
        Assert.Equal("TRASH", (string?)payload["comment"]!["status"]);
    }

    private async Task<JsonNode> ModerateAsync(string id, string action, int expectedVersion, string? clientMutationId = null) =>
        (await GraphQL.DataAsync(ModerateOne, new { input = new { clientMutationId, commentId = id, action, expectedVersion } }, _moderator))["moderateComment"]!;

    private async Task<JsonNode> ModerateManyAsync(IReadOnlyList<string> ids, string action, string? clientMutationId = null) =>
        (await GraphQL.DataAsync(ModerateMany, new { input = new { clientMutationId, commentIds = ids, action } }, _moderator))["moderateComments"]!;

    private async Task<(string? Status, int? Version)> StatusAsync(string id)
    {
        var node = (await GraphQL.DataAsync("query($id: ID!) { node(id: $id) { ... on Comment { status version } } }", new { id }, _moderator))["node"]!;
        return ((string?)node["status"], (int?)node["version"]);
    }

    /// <summary>The review of Her as an anonymous reader sees it.</summary>
    private async Task<(int Count, List<string> Visible)> PublicThreadAsync()
    {
        var review = (await GraphQL.DataAsync(HerThread))["review"]!;
        return ((int)review["commentCount"]!, [.. review["comments"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!)]);
    }

    private async Task<(int Count, bool Visible)> CountAndVisibleAsync(string id)
    {
        var (count, visible) = await PublicThreadAsync();
        var node = (await GraphQL.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id }))["node"];
        Assert.Equal(visible.Contains(id), node is not null);
        return (count, visible.Contains(id));
    }

    /// <summary>A pending top-level comment on Her, posted on day <paramref name="n"/> of 2099 so it heads the queue.</summary>
    private async Task<Guid> InsertAsync(int n)
    {
        var comment = new Comment
        {
            Id = Guid.NewGuid(),
            ReviewId = Her,
            AuthorName = $"Reader {n}",
            AuthorEmail = $"reader{n}@example.org",
            Body = $"Comment number {n}.",
            PostedAt = new DateTimeOffset(2099, 1, n, 12, 0, 0, TimeSpan.Zero),
            Status = CommentStatus.Pending,
            ClientAddressHash = $"hash-{n}",
            UserAgent = $"TestBrowser/{n}",
            SpamVerdict = SpamVerdict.Unsure,
            SpamReasons = ["checker timed out", "first comment"],
        };
        await using var session = Api.Store.LightweightSession();
        session.Insert(comment);
        await session.SaveChangesAsync();
        _inserted.Add(comment.Id);
        return comment.Id;
    }

    /// <summary>
    /// Puts Her's demo comments back as seeded. The spam one is also put back when missing: spam
    /// retention deletes it (posted in 2014) when the service starts.
    /// </summary>
    private async Task RestoreDemoCommentsAsync()
    {
        await using var session = Api.Store.LightweightSession();
        foreach (var demo in DemoComments.Build().Where(c => c.ReviewId == Her))
        {
            var current = await session.LoadAsync<Comment>(demo.Id);
            if (current is null)
            {
                session.Insert(demo);
                continue;
            }
            if (current.Status == demo.Status && current.ModeratedAt is null) continue;
            current.Status = demo.Status;
            current.ModeratedAt = null;
            current.ModeratedBy = null;
            session.UpdateRevision(current, current.Version + 1);
        }
        await session.SaveChangesAsync();
    }

    private static string Id(Guid id) => GlobalId.Encode("Comment", id);

    private static List<string> Ids(JsonNode connection) =>
        [.. connection["edges"]!.AsArray().Select(edge => (string)edge!["node"]!["id"]!)];

    public async Task DisposeAsync()
    {
        await RestoreDemoCommentsAsync();
        await using var session = Api.Store.LightweightSession();
        foreach (var id in _inserted) session.Delete<Comment>(id);
        await session.SaveChangesAsync();
        await _tokens.DeleteAllAsync();
    }
}
