using System.Text.Json.Nodes;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>The review of Her, read the way a frontend renders its review page.</summary>
public sealed class ReviewPageTests(ApiFactory api) : ApiTest(api)
{
    private const string PageQuery = """
        query ReviewPage($slug: String!) {
          review(slug: $slug) {
            headline
            slug
            byline
            body { html text pullQuotes }
            excerpt(length: 120)
            verdict { rating summary }
            publishedAt
            film {
              title year ukReleaseDate runtimeMinutes certificate certificateLabel genres
              poster { url altText }
              directors { name slug }
              writers { name }
              cast { person { name } character billing }
            }
            commentCount
            comments(first: 10) {
              totalCount
              edges { node { authorName body html postedAt replies { authorName body } } }
            }
          }
        }
        """;

    [Fact]
    public async Task Her_review_page()
    {
        var data = await GraphQL.DataAsync(PageQuery, new { slug = "her" });
        Snapshot.Match(ToJToken(data));
    }

    [Fact]
    public async Task Her_page_shows_the_film_facts()
    {
        var review = await HerPageAsync();
        var film = review["film"]!;

        var cast = film["cast"]!.AsArray().Select(c => (Name: (string)c!["person"]!["name"]!, Character: (string?)c["character"])).ToList();
        Assert.Contains(("Joaquin Phoenix", "Theodore Twombly"), cast);
        Assert.Contains(("Scarlett Johansson", "Samantha"), cast);
        Assert.Equal("Joaquin Phoenix", cast[0].Name);
        Assert.Equal(["Spike Jonze"], film["directors"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.Equal("FIFTEEN", (string?)film["certificate"]);
        Assert.Equal("15", (string?)film["certificateLabel"]);
        Assert.Equal(126, (int?)film["runtimeMinutes"]);
        Assert.Equal("2014-02-14", (string?)film["ukReleaseDate"]);
        Assert.Equal("POP", (string?)review["verdict"]!["rating"]);
        Assert.Equal("Review – Her", (string?)review["headline"]);
    }

    [Fact]
    public async Task Excerpt_is_cut_at_a_word_within_the_length()
    {
        var review = await HerPageAsync();
        var excerpt = (string)review["excerpt"]!;
        var text = (string)review["body"]!["text"]!;

        Assert.InRange(excerpt.Length, 60, 120);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        var kept = excerpt[..^1];
        Assert.StartsWith(kept, text, StringComparison.Ordinal);
        // The cut falls between words, never inside one.
        Assert.False(char.IsLetterOrDigit(text[kept.Length]), $"The excerpt cuts a word: \"{excerpt}\"");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public async Task Excerpt_length_out_of_range_is_refused(int length)
    {
        var response = await GraphQL.PostAsync("query($length: Int) { review(slug: \"her\") { excerpt(length: $length) } }", new { length });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("between 1 and 2000", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Her_body_is_safe_html_with_its_pull_quote()
    {
        var review = await HerPageAsync();
        var html = (string)review["body"]!["html"]!;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<em>Her</em>", html, StringComparison.Ordinal);
        var pullQuote = Assert.Single(review["body"]!["pullQuotes"]!.AsArray());
        Assert.StartsWith("Her is not a warning about machines", (string)pullQuote!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_a_review_never_reaches_the_page()
    {
        var review = new Review
        {
            Id = DemoIds.For("review", "hostile-markup"),
            Slug = "hostile-markup",
            Headline = "Review – Hostile markup",
            FilmId = DemoIds.For("film", "her"),
            Byline = "Mallory",
            Body = ReviewBody.FromMarkdown("""
                Before <script>alert('body')</script> after.

                <img src="x" onerror="alert('img')">

                [a link](javascript:alert('link'))
                """),
            Verdict = new Verdict(VerdictRating.Poop, "Hostile."),
            Status = ReviewStatus.Published,
            PublishedAt = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero),
            CreatedAt = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        await StoreAsync(session => session.Store(review));
        try
        {
            var data = await GraphQL.DataAsync("{ review(slug: \"hostile-markup\") { body { html } } }");
            var html = (string)data["review"]!["body"]!["html"]!;

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
            // The words around the markup survive, as text.
            Assert.Contains("Before", html, StringComparison.Ordinal);
            Assert.Contains("a link", html, StringComparison.Ordinal);
        }
        finally
        {
            await StoreAsync(session => session.Delete<Review>(review.Id));
        }
    }

    [Fact]
    public async Task Only_approved_comments_are_shown()
    {
        var demo = DemoCatalogue.Build();
        var herId = DemoIds.For("review", "her");
        var approved = demo.Comments.Where(c => c.ReviewId == herId && c.Status == CommentStatus.Approved).ToList();
        var hidden = demo.Comments.Where(c => c.ReviewId == herId && c.Status != CommentStatus.Approved).Select(c => c.AuthorName).ToList();

        var data = await GraphQL.DataAsync(PageQuery, new { slug = "her" });
        var review = data["review"]!;
        var threads = review["comments"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();

        Assert.Equal(
            approved.Where(c => c.ParentId is null).OrderBy(c => c.PostedAt).Select(c => c.AuthorName),
            threads.Select(c => (string)c["authorName"]!));
        Assert.Equal(["Tom Ellery"], threads[0]["replies"]!.AsArray().Select(r => (string)r!["authorName"]!));
        Assert.Equal(approved.Count, (int)review["commentCount"]!);
        Assert.Equal(threads.Count, (int)review["comments"]!["totalCount"]!);
        Assert.Equal(["Jo Whitcombe", "Best Replica Watches"], hidden);
        var page = data.ToJsonString();
        Assert.All(hidden, author => Assert.DoesNotContain(author, page, StringComparison.Ordinal));
        Assert.DoesNotContain("watches", page, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<JsonNode> HerPageAsync() => (await GraphQL.DataAsync(PageQuery, new { slug = "her" }))["review"]!;

    private async Task StoreAsync(Action<IDocumentSession> change)
    {
        await using var session = Api.Store.LightweightSession();
        change(session);
        await session.SaveChangesAsync();
    }

    // Dates stay the strings the API sent: Newtonsoft would otherwise turn them into local times.
    private static JToken ToJToken(JsonNode data)
    {
        using var reader = new JsonTextReader(new StringReader(data.ToJsonString())) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
