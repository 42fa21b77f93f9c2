using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Marten;

namespace HeadlessReviews.Tests.Comments;

/// <summary>
/// A review with far more comments than a page: its pages are read from the database a page at a time
/// (the review page's first one with the review itself), and paging through them by slug or by id, forward
/// or backward, visits every comment readers see once, in order, each with the replies readers see below
/// it, however the pages are cut. Everything made here is removed after each test.
/// </summary>
public sealed class BusyThreadTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const int Threads = 130;
    private const string Nodes = "nodes { id replies { id replies { id } } }";

    private static readonly DateTimeOffset Day = new(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);

    // Replies two levels deep on pages of 100 cost more than the public limit allows; the limits have tests of their own.
    private readonly GraphQLClient _unlimited = new(api.RoundTrips.Counted(api.CreateUnlimitedClient().Http));
    private readonly List<Comment> _comments = [];
    private Film _film = null!;
    private Review _review = null!;

    public async Task InitializeAsync()
    {
        _film = new Film { Id = Guid.NewGuid(), Slug = $"busy-film-{Guid.NewGuid():N}", Title = "Busy", Year = 2024, Genres = ["Drama"] };
        _review = new Review
        {
            Id = Guid.NewGuid(), Slug = $"busy-{Guid.NewGuid():N}", Headline = "Review – Busy", FilmId = _film.Id, Byline = "Test Writer",
            Body = ReviewBody.FromMarkdown("Many readers."), Verdict = new Verdict(VerdictRating.Pop, "Yes."), Status = ReviewStatus.Published,
            PublishedAt = Day, CreatedAt = Day, UpdatedAt = Day,
        };
        for (var i = 0; i < Threads; i++)
        {
            // Pairs posted in the same minute (ties broken by id), some a few ticks past it (finer than the
            // database keeps), and a held thread now and then, with an approved reply readers must not see.
            var thread = Comment(null, CommentStatus.Approved, Day.AddMinutes(i / 2).AddTicks(i % 3 == 0 ? 7 : 0));
            _comments.Add(thread);
            if (i % 10 == 0)
            {
                var reply = Comment(thread.Id, CommentStatus.Approved, thread.PostedAt.AddHours(1));
                var held = Comment(thread.Id, CommentStatus.Pending, thread.PostedAt.AddHours(2));
                _comments.AddRange([reply, held, Comment(reply.Id, CommentStatus.Approved, thread.PostedAt.AddHours(3)), Comment(held.Id, CommentStatus.Approved, thread.PostedAt.AddHours(4))]);
            }
            if (i % 7 == 0)
            {
                var hidden = Comment(null, CommentStatus.Spam, thread.PostedAt);
                _comments.AddRange([hidden, Comment(hidden.Id, CommentStatus.Approved, thread.PostedAt.AddHours(1))]);
            }
        }
        await using var session = Api.Store.LightweightSession();
        session.Store(_film);
        session.Store(_review);
        session.Store(_comments.ToArray());
        await session.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await using var session = Api.Store.LightweightSession();
        foreach (var comment in _comments) session.Delete(comment);
        session.Delete(_review);
        session.Delete(_film);
        await session.SaveChangesAsync();
    }

    /// <summary>The thread as a reader should see it: shown top-level comments oldest first (to the microsecond, then id), each with its shown replies.</summary>
    private List<string> Expected()
    {
        var shown = _comments.Where(c => c.ParentId is null && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.PostedAt.UtcTicks / 10).ThenBy(c => c.Id).ToList();
        return [.. shown.Select(Render)];
    }

    private string Render(Comment comment)
    {
        var replies = _comments.Where(c => c.ParentId == comment.Id && c.Status == CommentStatus.Approved).OrderBy(c => c.PostedAt).ThenBy(c => c.Id);
        return $"{Id(comment)}[{string.Join(",", replies.Select(Render))}]";
    }

    private static string Render(JsonNode node) =>
        $"{(string)node["id"]!}[{string.Join(",", (node["replies"]?.AsArray() ?? []).Select(reply => Render(reply!)))}]";

    [Theory]
    [InlineData("slug", 20)]
    [InlineData("slug", 7)]
    [InlineData("id", 25)]
    [InlineData("id", 100)]
    public async Task Paging_forward_visits_every_comment_readers_see_once_in_order_with_its_replies(string by, int size)
    {
        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= Threads, "paging did not end");
            var comments = await PageAsync(by, $"first: {size}{(cursor is null ? "" : $", after: \"{cursor}\"")}");
            var nodes = comments["nodes"]!.AsArray();
            Assert.Equal(Threads, (int)comments["totalCount"]!);
            Assert.Equal(cursor is not null, (bool)comments["pageInfo"]!["hasPreviousPage"]!);
            seen.AddRange(nodes.Select(node => Render(node!)));
            if (!(bool)comments["pageInfo"]!["hasNextPage"]!) break;
            Assert.Equal(size, nodes.Count);
            cursor = (string)comments["pageInfo"]!["endCursor"]!;
        }
        Assert.Equal(Expected(), seen);
    }

    [Theory]
    [InlineData("slug")]
    [InlineData("id")]
    public async Task Paging_backward_from_the_end_visits_the_same_comments(string by)
    {
        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= Threads, "paging did not end");
            var comments = await PageAsync(by, $"last: 30{(cursor is null ? "" : $", before: \"{cursor}\"")}");
            seen.InsertRange(0, comments["nodes"]!.AsArray().Select(node => Render(node!)));
            if (!(bool)comments["pageInfo"]!["hasPreviousPage"]!) break;
            cursor = (string)comments["pageInfo"]!["startCursor"]!;
        }
        Assert.Equal(Expected(), seen);
    }

    [Fact]
    public async Task The_review_page_reads_the_head_of_its_thread_with_the_review_and_no_more()
    {
        Api.RoundTrips.Reset();
        var comments = await PageAsync("slug", "first: $size", size: 40, total: false);

        Assert.Equal(Expected()[..40], comments["nodes"]!.AsArray().Select(node => Render(node!)));
        // One statement for the review, its film and its first page, which reads one top-level comment past the page.
        var statement = Assert.Single(Api.RoundTrips.Statements);
        Assert.Contains("limit 41", statement, StringComparison.Ordinal);

        // The next page, after the head's cursor, is read on its own and joins on exactly.
        Api.RoundTrips.Reset();
        var next = await PageAsync("slug", $"first: 40, after: \"{(string)comments["pageInfo"]!["endCursor"]!}\"", total: false);
        Assert.Equal(Expected()[40..80], next["nodes"]!.AsArray().Select(node => Render(node!)));
        Assert.Equal(2, Api.RoundTrips.Statements.Count);
    }

    [Fact]
    public async Task Several_pages_of_one_thread_in_one_request_are_each_right()
    {
        var data = await _unlimited.DataAsync($$"""
            query($slug: String!) { review(slug: $slug) {
              empty: comments(first: 0) { pageInfo { hasNextPage endCursor } nodes { id } }
              head: comments { pageInfo { hasNextPage endCursor } {{Nodes}} }
              tail: comments(last: 3) { pageInfo { hasPreviousPage hasNextPage } {{Nodes}} }
              all: comments(first: 100) { {{Nodes}} } } }
            """, new { slug = _review.Slug });
        var review = data["review"]!;
        var expected = Expected();

        Assert.Empty(review["empty"]!["nodes"]!.AsArray());
        Assert.True((bool)review["empty"]!["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(expected[..20], review["head"]!["nodes"]!.AsArray().Select(node => Render(node!)));
        Assert.Equal(expected[^3..], review["tail"]!["nodes"]!.AsArray().Select(node => Render(node!)));
        Assert.True((bool)review["tail"]!["pageInfo"]!["hasPreviousPage"]!);
        Assert.False((bool)review["tail"]!["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(expected[..100], review["all"]!["nodes"]!.AsArray().Select(node => Render(node!)));
    }

    [Fact]
    public async Task Two_lookups_asking_for_different_first_pages_each_get_theirs()
    {
        var data = await _unlimited.DataAsync($$"""
            query($slug: String!, $size: Int) {
              small: review(slug: $slug) { comments(first: 5) { pageInfo { hasNextPage } {{Nodes}} } }
              large: review(slug: $slug) { comments(first: $size) { pageInfo { hasNextPage } {{Nodes}} } } }
            """, new { slug = _review.Slug, size = 100 });
        var expected = Expected();

        Assert.Equal(expected[..5], data["small"]!["comments"]!["nodes"]!.AsArray().Select(node => Render(node!)));
        Assert.Equal(expected[..100], data["large"]!["comments"]!["nodes"]!.AsArray().Select(node => Render(node!)));
        Assert.True((bool)data["large"]!["comments"]!["pageInfo"]!["hasNextPage"]!);
    }

    private async Task<JsonNode> PageAsync(string by, string arguments, int? size = null, bool total = true)
    {
        var selector = by == "slug" ? "slug: $key" : "id: $key";
        var type = by == "slug" ? "String!" : "ID!";
        var key = by == "slug" ? _review.Slug : GlobalId.Encode("Review", _review.Id);
        var data = await _unlimited.DataAsync(
            $"query($key: {type}{(arguments.Contains("$size", StringComparison.Ordinal) ? ", $size: Int" : "")}) {{ review({selector}) {{ id comments({arguments}) {{ {(total ? "totalCount" : "")} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} {Nodes} }} }} }}",
            size is null ? new { key } : new { key, size });
        return data["review"]!["comments"]!;
    }

    private Comment Comment(Guid? parent, CommentStatus status, DateTimeOffset postedAt) => new()
    {
        Id = Guid.NewGuid(), ReviewId = _review.Id, ParentId = parent, AuthorName = "Busy Reader",
        AuthorEmail = "busy@example.net", Body = "A comment.", PostedAt = postedAt, Status = status,
    };

    private static string Id(Comment comment) => GlobalId.Encode("Comment", comment.Id);
}
