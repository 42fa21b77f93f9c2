using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Marten;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>
/// <c>review(slug:)</c> reads the film, the people it credits and the comment thread in the lookup's own round
/// trip (IReviewLookupReadAlong); a lookup by id loads each on its own. Both must give the same page, to the
/// versions, and hide the same comments. Everything made here is removed after each test.
/// </summary>
public sealed class ReviewLookupReadAlongTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string Page = """
        review(SELECTOR) {
          id version slug headline commentCount body { html pullQuotes }
          film { id version slug title synopsis genres poster { url }
            directors { id version name bio } writers { id version name } cast { billing character person { id version slug name } } }
          comments(first: 20) { totalCount pageInfo { hasNextPage endCursor }
            nodes { id version authorName html parent { id } replies { id version authorName replies { id authorName } } } }
        }
        """;

    private const string Markdown = "A *film* about a voice.\n\n> Lonely people, and one voice.\n\nSee it.";

    private static readonly DateTimeOffset Day = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Person _director = new() { Id = Guid.NewGuid(), Slug = $"read-along-director-{Guid.NewGuid():N}", Name = "Read Along Director" };
    private readonly Person _actor = new() { Id = Guid.NewGuid(), Slug = $"read-along-actor-{Guid.NewGuid():N}", Name = "Read Along Actor" };
    private Film _film = null!;
    private Review _review = null!;
    private readonly List<Comment> _comments = [];

    public async Task InitializeAsync()
    {
        _film = new Film
        {
            Id = Guid.NewGuid(), Slug = $"read-along-film-{Guid.NewGuid():N}", Title = "Read Along", Year = 2024, Synopsis = "Before.",
            Genres = ["Drama"], DirectorIds = [_director.Id], WriterIds = [_director.Id], Cast = [new CastMember(_actor.Id, "Lead", 1)],
        };
        _review = new Review
        {
            Id = Guid.NewGuid(), Slug = $"read-along-{Guid.NewGuid():N}", PreviousSlugs = [$"read-along-before-{Guid.NewGuid():N}"],
            Headline = "Review – Read Along", FilmId = _film.Id, Byline = "Test Writer", Body = ReviewBody.FromMarkdown(Markdown),
            Verdict = new Verdict(VerdictRating.Pop, "Yes."), Status = ReviewStatus.Published,
            PublishedAt = Day, CreatedAt = Day, UpdatedAt = Day,
        };
        var first = Comment(null, CommentStatus.Approved, 1);
        var held = Comment(null, CommentStatus.Pending, 2);
        _comments.AddRange([first, held, Comment(first.Id, CommentStatus.Approved, 3), Comment(held.Id, CommentStatus.Approved, 4), Comment(null, CommentStatus.Approved, 5)]);
        await StoreAsync(session =>
        {
            session.Store(_director, _actor);
            session.Store(_film);
            session.Store(_review);
            session.Store(_comments.ToArray());
        });
        // A second revision of the film and a person: the versions read along must be Marten's, not the JSON's.
        _film.Synopsis = "After.";
        _actor.Bio = "Revised.";
        await StoreAsync(session =>
        {
            session.Store(_film);
            session.Store(_actor);
        });
    }

    public async Task DisposeAsync() => await StoreAsync(session =>
    {
        foreach (var comment in _comments) session.Delete(comment);
        session.Delete(_review);
        session.Delete(_film);
        session.Delete(_director);
        session.Delete(_actor);
    });

    [Fact]
    public async Task The_page_read_along_is_the_page_loaded_by_id()
    {
        var bySlug = await PageAsync("slug: $key", _review.Slug);
        var byFormerSlug = await PageAsync("slug: $key", _review.PreviousSlugs[0]);
        var byId = await PageAsync("id: $key", GlobalId.Encode("Review", _review.Id));

        Assert.Equal(byId.ToJsonString(), bySlug.ToJsonString());
        Assert.Equal(byId.ToJsonString(), byFormerSlug.ToJsonString());
        Assert.Equal(2, (int)bySlug["film"]!["version"]!);
        Assert.Equal("After.", (string?)bySlug["film"]!["synopsis"]);
        Assert.Equal(2, (int)bySlug["film"]!["cast"]![0]!["person"]!["version"]!);
        // Two threads shown (the held one and the reply under it are not), one reply: three comments.
        Assert.Equal(3, (int)bySlug["commentCount"]!);
        var threads = bySlug["comments"]!["nodes"]!.AsArray();
        Assert.Equal([Encode(_comments[0]), Encode(_comments[4])], threads.Select(thread => (string)thread!["id"]!));
        Assert.Equal(Encode(_comments[2]), (string?)threads[0]!["replies"]![0]!["id"]);
    }

    [Fact]
    public async Task A_page_showing_only_the_html_is_read_without_the_markdown_and_the_text()
    {
        Api.RoundTrips.Reset();
        var page = await PageAsync("slug: $key", _review.Slug);

        Assert.Equal(_review.Body.Html, (string?)page["body"]!["html"]);
        Assert.Equal(["Lonely people, and one voice."], page["body"]!["pullQuotes"]!.AsArray().Select(quote => (string?)quote));
        // One statement, which reads the body's HTML on its own: the Markdown and the plain text stayed in the database.
        var statement = Assert.Single(Api.RoundTrips.Statements);
        Assert.Contains("'Html'", statement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("body { markdown text html pullQuotes } excerpt(length: 12)")]
    [InlineData("... on Review { body { text } } excerpt")]
    [InlineData("... Source excerpt(length: 5)")]
    public async Task A_lookup_asking_for_the_markdown_or_the_text_gets_them_whole(string selection)
    {
        var fragment = selection.Contains("... Source", StringComparison.Ordinal) ? " fragment Source on Review { body { markdown } }" : "";
        var query = $"query($slug: String!, $id: ID!) {{ bySlug: review(slug: $slug) {{ {selection} }} byId: review(id: $id) {{ {selection} }} }}{fragment}";

        var data = await GraphQL.DataAsync(query, new { slug = _review.Slug, id = GlobalId.Encode("Review", _review.Id) });

        Assert.Equal(data["byId"]!.ToJsonString(), data["bySlug"]!.ToJsonString());
        if (data["bySlug"]!["body"]?["markdown"] is { } markdown) Assert.Equal(Markdown, (string?)markdown);
        if (data["bySlug"]!["body"]?["text"] is { } text) Assert.StartsWith("A film about a voice.", (string?)text, StringComparison.Ordinal);
        Assert.StartsWith("A", (string?)data["bySlug"]!["excerpt"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_read_for_its_page_still_answers_whole_elsewhere_in_the_request()
    {
        // The lookup reads only the HTML and caches what it read. The same review, reached from a comment one
        // level further down (after the lookup), must still give its Markdown, its text and its excerpt.
        var data = await GraphQL.DataAsync("""
            query($slug: String!, $comment: ID!) {
              review(slug: $slug) { body { html } }
              node(id: $comment) { ... on Comment { review { excerpt(length: 10) body { markdown text html } } } }
            }
            """, new { slug = _review.Slug, comment = Encode(_comments[0]) });

        Assert.Equal(_review.Body.Html, (string?)data["review"]!["body"]!["html"]);
        var fromComment = data["node"]!["review"]!;
        Assert.Equal(Markdown, (string?)fromComment["body"]!["markdown"]);
        Assert.Equal(_review.Body.Text, (string?)fromComment["body"]!["text"]);
        Assert.Equal(_review.Body.Html, (string?)fromComment["body"]!["html"]);
        Assert.Equal("A film…", (string?)fromComment["excerpt"]);
    }

    [Fact]
    public async Task A_draft_found_by_slug_shows_readers_nothing()
    {
        await StoreAsync(session =>
        {
            _review.Status = ReviewStatus.Draft;
            _review.PublishedAt = null;
            session.Store(_review);
        });

        var data = await GraphQL.DataAsync($"query($key: String!) {{ {Page.Replace("SELECTOR", "slug: $key", StringComparison.Ordinal)} }}", new { key = _review.Slug });

        Assert.Null(data["review"]);
    }

    private async Task<JsonNode> PageAsync(string selector, string key)
    {
        var type = selector.StartsWith("id", StringComparison.Ordinal) ? "ID" : "String";
        // Each in a request of its own: within one, the first lookup's documents would serve the second.
        var data = await GraphQL.DataAsync($"query($key: {type}!) {{ {Page.Replace("SELECTOR", selector, StringComparison.Ordinal)} }}", new { key });
        var review = data["review"]!;
        // The slug asked by is not part of the comparison: every answer gives the current one.
        Assert.Equal(_review.Slug, (string?)review["slug"]);
        return review;
    }

    private Comment Comment(Guid? parent, CommentStatus status, int minute) => new()
    {
        Id = Guid.NewGuid(), ReviewId = _review.Id, ParentId = parent, AuthorName = $"Reader {minute}",
        AuthorEmail = "reader@example.net", Body = $"Comment {minute}.", PostedAt = Day.AddMinutes(minute), Status = status,
    };

    private static string Encode(Comment comment) => GlobalId.Encode("Comment", comment.Id);

    private async Task StoreAsync(Action<IDocumentSession> change)
    {
        await using var session = Api.Store.LightweightSession();
        change(session);
        await session.SaveChangesAsync();
    }
}
