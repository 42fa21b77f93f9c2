using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Comments.Posting;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Comments.Screening;

/// <summary>
/// Ham from a known commenter is shown at once; known means a previously approved comment with the same
/// name and e-mail (as WordPress), so typing someone's e-mail address does not borrow their standing.
/// </summary>
public sealed class KnownCommenterTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => CommentPosting.CleanUpAsync(Api.Store);

    [Fact]
    public async Task Only_the_same_name_and_email_as_an_approved_comment_is_approved_at_once()
    {
        var first = CommentPosting.ValidInput();
        first["authorName"] = "Known Reader";
        await ApproveAsync(await PostAsync(first));

        var impostor = CommentPosting.ValidInput();
        impostor["authorEmail"] = first["authorEmail"];
        impostor["authorName"] = "Someone Else";
        Assert.Equal("PENDING", (await PostAsync(impostor)).Status);

        var again = CommentPosting.ValidInput();
        // Another case in the local part (the domain stays as cleaning up after the tests finds it).
        var email = (string)first["authorEmail"]!;
        again["authorEmail"] = email[..email.IndexOf('@', StringComparison.Ordinal)].ToUpperInvariant() + email[email.IndexOf('@', StringComparison.Ordinal)..];
        again["authorName"] = "known  READER";
        Assert.Equal("APPROVED", (await PostAsync(again)).Status);
    }

    private async Task<(Guid Id, string Status)> PostAsync(Dictionary<string, object?> input)
    {
        var response = await CommentPosting.PostAsync(GraphQL.Http, input);
        Assert.True(response.Errors is null, response.Body);
        var payload = response.Data!["postComment"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return (GlobalId.DecodeAs((string)payload["comment"]!["id"]!, "Comment")!.Value, (string)payload["status"]!);
    }

    private async Task ApproveAsync((Guid Id, string Status) posted)
    {
        Assert.Equal("PENDING", posted.Status);
        await using var session = Api.Store.LightweightSession();
        var comment = await session.LoadAsync<Comment>(posted.Id);
        comment!.Status = CommentStatus.Approved;
        session.UpdateRevision(comment, comment.Version + 1);
        await session.SaveChangesAsync();
    }
}
