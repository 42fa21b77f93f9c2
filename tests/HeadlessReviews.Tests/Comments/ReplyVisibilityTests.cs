using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Comments.Posting;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Comments;

/// <summary>
/// An approved reply under a comment readers cannot see (held, spam, trashed, or gone) is hidden from
/// them on every path: <c>node</c>, <c>nodes</c>, the thread, <c>parent</c>/<c>replies</c>, exactly as
/// <c>commentCount</c> counts it; moderators still read it.
/// </summary>
public sealed class ReplyVisibilityTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string ReadOne = "query($id: ID!) { node(id: $id) { ... on Comment { id parent { id } replies { id } } } }";
    private const string ReadMany = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Comment { id } } }";
    private const string Thread = """{ review(slug: "her") { commentCount comments(first: 100) { nodes { id replies { id replies { id } } } } } }""";

    private static readonly Guid Her = DemoIds.For("review", "her");
    private static readonly Guid Pending5 = DemoIds.For("comment", "her-5");

    // The thread three levels deep costs more than the public limit allows; the limits have tests of their own.
    private readonly GraphQLClient _unlimited = api.CreateUnlimitedClient();
    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));
    private string _moderator = "";

    public async Task InitializeAsync() => _moderator = (await _tokens.CreateAsync("reply visibility tests", Roles.Moderator)).Secret;

    public async Task DisposeAsync()
    {
        await CommentPosting.CleanUpAsync(Api.Store);
        await _tokens.DeleteAllAsync();
    }

    [Fact]
    public async Task A_reply_under_a_held_or_missing_comment_is_hidden_from_readers_everywhere_and_counted_nowhere()
    {
        var before = (await _unlimited.DataAsync(Thread))["review"]!;
        // Approved replies under the pending demo comment, one level and two levels down, and one whose parent is gone.
        var child = await InsertAsync(Pending5);
        var grandchild = await InsertAsync(child);
        var orphan = await InsertAsync(Guid.NewGuid());
        string[] hidden = [Id(child), Id(grandchild), Id(orphan)];

        foreach (var id in hidden)
        {
            Assert.Null((await GraphQL.DataAsync(ReadOne, new { id }))["node"]);
            // Moderators see everything.
            Assert.Equal(id, (string?)(await GraphQL.DataAsync(ReadOne, new { id }, _moderator))["node"]!["id"]);
        }
        Assert.All((await GraphQL.DataAsync(ReadMany, new { ids = hidden }))["nodes"]!.AsArray(), Assert.Null);
        var after = (await _unlimited.DataAsync(Thread))["review"]!;
        Assert.Equal((int)before["commentCount"]!, (int)after["commentCount"]!);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal((int)after["commentCount"]!, CountShown(after["comments"]!));
    }

    [Fact]
    public async Task Once_the_parent_is_approved_its_replies_are_shown_and_counted_on_every_path()
    {
        var before = (int)(await _unlimited.DataAsync(Thread))["review"]!["commentCount"]!;
        var parent = await InsertAsync(null, CommentStatus.Pending);
        var child = await InsertAsync(parent);
        var grandchild = await InsertAsync(child);
        Assert.Null((await GraphQL.DataAsync(ReadOne, new { id = Id(grandchild) }))["node"]);

        await using (var session = Api.Store.LightweightSession())
        {
            var stored = await session.LoadAsync<Comment>(parent);
            stored!.Status = CommentStatus.Approved;
            session.UpdateRevision(stored, stored.Version + 1);
            await session.SaveChangesAsync();
        }

        var read = (await GraphQL.DataAsync(ReadOne, new { id = Id(child) }))["node"]!;
        Assert.Equal(Id(parent), (string?)read["parent"]!["id"]);
        Assert.Equal([Id(grandchild)], read["replies"]!.AsArray().Select(reply => (string)reply!["id"]!));
        Assert.Equal([Id(parent), Id(child), Id(grandchild)],
            (await GraphQL.DataAsync(ReadMany, new { ids = new[] { Id(parent), Id(child), Id(grandchild) } }))["nodes"]!.AsArray().Select(node => (string)node!["id"]!));
        var thread = (await _unlimited.DataAsync(Thread))["review"]!;
        Assert.Equal(before + 3, (int)thread["commentCount"]!);
        Assert.Equal((int)thread["commentCount"]!, CountShown(thread["comments"]!));
    }

    [Fact]
    public async Task Comments_saved_at_the_same_moment_on_one_review_are_all_counted()
    {
        var before = (int)(await _unlimited.DataAsync(Thread))["review"]!["commentCount"]!;
        // Each in its own transaction, racing for the review's count row.
        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => InsertAsync(null))));

        var thread = (await _unlimited.DataAsync(Thread))["review"]!;
        Assert.Equal(before + 16, (int)thread["commentCount"]!);
        Assert.Equal((int)thread["commentCount"]!, CountShown(thread["comments"]!));

        // Deleting them (as a review's deletion or a purge does) takes them off the count again.
        await using (var session = Api.Store.LightweightSession())
        {
            session.DeleteWhere<Comment>(comment => ids.Contains(comment.Id));
            await session.SaveChangesAsync();
        }
        Assert.Equal(before, (int)(await _unlimited.DataAsync(Thread))["review"]!["commentCount"]!);
    }

    [Fact]
    public async Task Replies_written_before_their_parent_are_counted_once_it_arrives_and_a_thread_written_at_once_whole()
    {
        var before = (int)(await _unlimited.DataAsync(Thread))["review"]!["commentCount"]!;
        // As an import may write them: the reply and its reply first (hidden: no parent yet), then the parent.
        var parent = Guid.NewGuid();
        var child = await InsertAsync(parent);
        await InsertAsync(child);
        Assert.Equal(before, (int)(await _unlimited.DataAsync(Thread))["review"]!["commentCount"]!);
        await InsertAsync(null, id: parent);
        Assert.Equal(before + 3, (int)(await _unlimited.DataAsync(Thread))["review"]!["commentCount"]!);

        // A thread in one transaction: a top-level comment, its reply, and a reply under a held one (not counted).
        var top = NewComment(null, CommentStatus.Approved);
        var held = NewComment(null, CommentStatus.Pending);
        await using (var session = Api.Store.LightweightSession())
        {
            session.Insert(top, NewComment(top.Id, CommentStatus.Approved), held, NewComment(held.Id, CommentStatus.Approved));
            await session.SaveChangesAsync();
        }
        var thread = (await _unlimited.DataAsync(Thread))["review"]!;
        Assert.Equal(before + 5, (int)thread["commentCount"]!);
        Assert.Equal((int)thread["commentCount"]!, CountShown(thread["comments"]!));
    }

    /// <summary>Comments in the thread as read (three levels deep, enough for these tests and the demo).</summary>
    private static int CountShown(JsonNode comments) =>
        comments["nodes"]!.AsArray().Sum(top => 1 + top!["replies"]!.AsArray().Sum(reply => 1 + reply!["replies"]!.AsArray().Count));

    private static Comment NewComment(Guid? parentId, CommentStatus status, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(), ReviewId = Her, ParentId = parentId, AuthorName = "Reply visibility", AuthorEmail = CommentPosting.NewEmail(),
        Body = "A reply.", PostedAt = DateTimeOffset.UtcNow.AddDays(-1), Status = status,
    };

    private async Task<Guid> InsertAsync(Guid? parentId, CommentStatus status = CommentStatus.Approved, Guid? id = null)
    {
        var comment = NewComment(parentId, status, id);
        await using var session = Api.Store.LightweightSession();
        session.Insert(comment);
        await session.SaveChangesAsync();
        return comment.Id;
    }

    private static string Id(Guid id) => GlobalId.Encode("Comment", id);
}
