using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Tests.Comments.Posting;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Comments.Subscriptions;

/// <summary><c>commentAdded</c> (public comments of one review) and <c>moderationQueueChanged</c> (moderators).</summary>
public sealed class CommentSubscriptionTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string Added = "subscription($reviewId: ID!) { commentAdded(reviewId: $reviewId) { id body review { slug } } }";
    private const string Queue = "subscription { moderationQueueChanged { id status authorEmail } }";
    private const string Moderate = """
        mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { comment { id status } errors { code message } } }
        """;

    private static readonly string Her = GlobalId.Encode("Review", DemoIds.For("review", "her"));
    private static readonly string Carol = GlobalId.Encode("Review", DemoIds.For("review", "carol"));

    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));
    private string _moderator = "";

    public async Task InitializeAsync()
    {
        _moderator = (await _tokens.CreateAsync("realtime tests", Roles.Moderator)).Secret;
        await Api.Services.GetRequiredService<PostgresListener>().Listening;
    }

    public async Task DisposeAsync()
    {
        await CommentPosting.CleanUpAsync(Api.Store);
        await _tokens.DeleteAllAsync();
    }

    [Fact]
    public async Task A_pending_comment_reaches_moderators_and_becomes_public_when_approved()
    {
        await using var her = await SubscriptionProbe.StartAsync(Api.Services, Added, new { reviewId = Her });
        await using var carol = await SubscriptionProbe.StartAsync(Api.Services, Added, new { reviewId = Carol });
        await using var queue = await SubscriptionProbe.StartAsync(Api.Services, Queue, user: SubscriptionProbe.UserWithRoles(Roles.Moderator));

        var input = CommentPosting.ValidInput();
        var (id, status) = await PostAsync(input);
        Assert.Equal("PENDING", status);
        var held = (await queue.NextAsync())["moderationQueueChanged"]!;
        Assert.Equal((id, "PENDING", (string)input["authorEmail"]!), ((string)held["id"]!, (string)held["status"]!, (string)held["authorEmail"]!));
        await her.AssertNothingBeforeAsync(Api.Services.AnnounceCommentAsync, Markers.Comment);

        await ModerateAsync(id, "APPROVE");

        var added = (await her.NextAsync())["commentAdded"]!;
        Assert.Equal((id, "her"), ((string)added["id"]!, (string)added["review"]!["slug"]!));
        Assert.Equal("APPROVED", (string?)(await queue.NextAsync())["moderationQueueChanged"]!["status"]);
        // `her` and `carol` read the same feed: once `her` has the marker, `carol` was offered the comment too.
        await her.AssertNothingBeforeAsync(Api.Services.AnnounceCommentAsync, Markers.Comment);
        carol.AssertNone();
        await queue.AssertNothingBeforeAsync(Api.Services.AnnounceQueuedCommentAsync, Markers.Comment);
    }

    [Fact]
    public async Task A_comment_posted_approved_is_public_at_once_and_spam_never_is()
    {
        // A reader with an approved comment already is known: their next comment is approved when posted.
        await using var her = await SubscriptionProbe.StartAsync(Api.Services, Added, new { reviewId = Her });
        var known = CommentPosting.ValidInput();
        var (first, _) = await PostAsync(known);
        await ModerateAsync(first, "APPROVE");
        Assert.Equal(first, (string?)(await her.NextAsync())["commentAdded"]!["id"]);
        // Both events of that decision came in one commit, so the queue's has been handed out already.
        await using var quietQueue = await SubscriptionProbe.StartAsync(Api.Services, Queue, user: SubscriptionProbe.UserWithRoles(Roles.Admin));

        var again = CommentPosting.ValidInput();
        again["authorEmail"] = known["authorEmail"];
        var (id, status) = await PostAsync(again);
        Assert.Equal("APPROVED", status);
        Assert.Equal(id, (string?)(await her.NextAsync())["commentAdded"]!["id"]);

        var spam = CommentPosting.ValidInput();
        spam["honeypot"] = "I am a bot";
        Assert.Equal("SPAM", (await PostAsync(spam)).Status);
        await her.AssertNothingBeforeAsync(Api.Services.AnnounceCommentAsync, Markers.Comment);
        await quietQueue.AssertNothingBeforeAsync(Api.Services.AnnounceQueuedCommentAsync, Markers.Comment);
    }

    [Fact]
    public async Task A_reply_approved_under_a_held_comment_is_not_announced_until_readers_can_see_it()
    {
        await using var her = await SubscriptionProbe.StartAsync(Api.Services, Added, new { reviewId = Her });
        var parent = await InsertPendingAsync(null);
        var reply = await InsertPendingAsync(parent);

        await ModerateAsync(GlobalId.Encode("Comment", reply), "APPROVE");
        await her.AssertNothingBeforeAsync(Api.Services.AnnounceCommentAsync, Markers.Comment);

        await ModerateAsync(GlobalId.Encode("Comment", parent), "APPROVE");
        Assert.Equal(GlobalId.Encode("Comment", parent), (string?)(await her.NextAsync())["commentAdded"]!["id"]);
    }

    private async Task<Guid> InsertPendingAsync(Guid? parentId)
    {
        var comment = new Comment
        {
            Id = Guid.NewGuid(), ReviewId = DemoIds.For("review", "her"), ParentId = parentId, AuthorName = "Held", AuthorEmail = CommentPosting.NewEmail(),
            Body = "Held for a moderator.", PostedAt = DateTimeOffset.UtcNow, Status = CommentStatus.Pending,
        };
        await using var session = Api.Store.LightweightSession();
        session.Insert(comment);
        await session.SaveChangesAsync();
        return comment.Id;
    }

    [Fact]
    public async Task Only_moderators_may_watch_the_queue()
    {
        var anonymous = await SubscriptionProbe.RefusedAsync(Api.Services, Queue);
        Assert.Equal(AccessErrors.NotAuthenticated, (string?)anonymous["errors"]![0]!["extensions"]!["code"]);
        var editor = await SubscriptionProbe.RefusedAsync(Api.Services, Queue, SubscriptionProbe.UserWithRoles(Roles.Editor));
        Assert.Equal(AccessErrors.NotAuthorized, (string?)editor["errors"]![0]!["extensions"]!["code"]);
    }

    private async Task<(string Id, string Status)> PostAsync(Dictionary<string, object?> input)
    {
        var response = await CommentPosting.PostAsync(GraphQL.Http, input);
        Assert.True(response.Errors is null, response.Body);
        var payload = response.Data!["postComment"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return ((string)payload["comment"]!["id"]!, (string)payload["status"]!);
    }

    private async Task ModerateAsync(string id, string action)
    {
        var version = await VersionAsync(id);
        var payload = (await GraphQL.DataAsync(Moderate, new { input = new { commentId = id, action, expectedVersion = version } }, _moderator))["moderateComment"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
    }

    private async Task<int> VersionAsync(string id)
    {
        var data = await GraphQL.DataAsync("query($id: ID!) { node(id: $id) { ... on Comment { version } } }", new { id }, _moderator);
        return (int)data["node"]!["version"]!;
    }
}
