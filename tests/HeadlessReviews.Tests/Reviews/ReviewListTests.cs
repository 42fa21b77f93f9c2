using System.Text.Json.Nodes;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace HeadlessReviews.Tests.Reviews;

/// <summary><c>reviews</c>: order, every filter, and Relay paging, checked against the demo catalogue.</summary>
public sealed class ReviewListTests(ApiFactory api) : ApiTest(api)
{
    private const string ListQuery = """
        query Reviews($where: ReviewFilter, $orderBy: [ReviewOrder!]) {
          reviews(first: 100, where: $where, orderBy: $orderBy) { totalCount nodes { slug } }
        }
        """;

    private const string PageQuery = """
        query Page($first: Int, $after: String, $last: Int, $before: String, $orderBy: [ReviewOrder!]) {
          reviews(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
            totalCount
            edges { cursor node { slug } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private static readonly DemoCatalogue Demo = DemoCatalogue.Build();

    [Fact]
    public async Task Default_order_is_newest_first()
    {
        var (slugs, total) = await ListAsync(where: null);

        Assert.Equal(NewestFirst(_ => true), slugs);
        Assert.Equal(12, total);
    }

    [Theory]
    [InlineData("POP", VerdictRating.Pop)]
    [InlineData("POOP", VerdictRating.Poop)]
    public async Task Verdict_filter(string verdict, VerdictRating rating) =>
        await AssertFilterAsync(new { verdict }, review => review.Verdict.Rating == rating);

    [Theory]
    [InlineData("romance")]
    [InlineData("SCIENCE FICTION")]
    [InlineData("Crime")]
    public async Task Genre_filter_ignores_letter_case(string genre) =>
        await AssertFilterAsync(new { genre }, review => FilmOf(review).Genres.Contains(genre, StringComparer.OrdinalIgnoreCase));

    [Theory]
    [InlineData("TWELVE_A", Certificate.TwelveA)]
    [InlineData("EIGHTEEN", Certificate.Eighteen)]
    [InlineData("U", Certificate.U)]
    public async Task Certificate_filter(string certificate, Certificate value) =>
        await AssertFilterAsync(new { certificate }, review => FilmOf(review).Certificate == value);

    [Fact]
    public async Task Film_filter() =>
        await AssertFilterAsync(new { filmId = GlobalId.Encode("Film", DemoIds.For("film", "joker")) }, review => review.Slug == "joker");

    [Theory]
    [InlineData("joaquin-phoenix")]
    [InlineData("spike-jonze")]
    [InlineData("kyle-chandler")]
    public async Task Person_filter_matches_any_credit(string person)
    {
        var id = DemoIds.For("person", person);
        await AssertFilterAsync(new { personId = GlobalId.Encode("Person", id) }, review => FilmOf(review).CreditedPersonIds.Contains(id));
    }

    [Fact]
    public async Task Published_between_two_instants()
    {
        var after = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var before = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await AssertFilterAsync(new { publishedAfter = after, publishedBefore = before }, review => review.PublishedAt >= after && review.PublishedAt < before);
        await AssertFilterAsync(new { publishedAfter = after }, review => review.PublishedAt >= after);
        await AssertFilterAsync(new { publishedBefore = before }, review => review.PublishedAt < before);
    }

    [Fact]
    public async Task Published_after_includes_and_before_excludes_the_instant()
    {
        var her = Demo.Reviews.Single(r => r.Slug == "her").PublishedAt!.Value;

        var (from, _) = await ListAsync(new { publishedAfter = her });
        var (until, _) = await ListAsync(new { publishedBefore = her });

        Assert.Equal("her", from[^1]);
        Assert.DoesNotContain("her", until);
        Assert.Equal(NewestFirst(_ => true), [.. from, .. until]);
    }

    [Fact]
    public async Task Published_after_and_before_accept_any_utc_offset()
    {
        // 10:00 in Paris is 09:00 UTC, the moment the review of Her went out.
        var response = await GraphQL.PostAsync("""
            {
              from: reviews(first: 100, where: { publishedAfter: "2014-02-14T10:00:00+01:00" }) { nodes { slug } }
              until: reviews(first: 100, where: { publishedBefore: "2014-02-14T10:00:00+01:00" }) { nodes { slug } }
            }
            """);

        Assert.True(response.Errors is null, $"Unexpected errors: {response.Errors?.ToJsonString()}");
        var from = response.Data!["from"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToList();
        var until = response.Data!["until"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToList();
        Assert.Equal("her", from[^1]);
        Assert.Equal(["the-wolf-of-wall-street"], until);
    }

    [Fact]
    public async Task Filters_combine() =>
        await AssertFilterAsync(
            new { verdict = "POOP", personId = GlobalId.Encode("Person", DemoIds.For("person", "joaquin-phoenix")) },
            review => review.Verdict.Rating == VerdictRating.Poop && FilmOf(review).CreditedPersonIds.Contains(DemoIds.For("person", "joaquin-phoenix")));

    [Fact]
    public async Task Order_by_headline_ascending()
    {
        var (slugs, _) = await ListAsync(where: null, orderBy: new[] { new { field = "HEADLINE", direction = "ASC" } });

        Assert.Equal(Published.OrderBy(r => r.Headline, StringComparer.OrdinalIgnoreCase).Select(r => r.Slug), slugs);
    }

    [Fact]
    public async Task Order_by_published_at_ascending()
    {
        var (slugs, _) = await ListAsync(where: null, orderBy: new[] { new { field = "PUBLISHED_AT", direction = "ASC" } });

        Assert.Equal(Published.OrderBy(r => r.PublishedAt).Select(r => r.Slug), slugs);
    }

    [Fact]
    public async Task Poop_reviews()
    {
        var data = await GraphQL.DataAsync("""
            {
              reviews(where: { verdict: POOP }) {
                totalCount
                nodes { slug headline byline publishedAt verdict { rating summary } film { title year } }
                pageInfo { hasNextPage hasPreviousPage }
              }
            }
            """);

        Snapshot.Match(ToJToken(data));
    }

    [Fact]
    public async Task Paging_forward_reads_every_review_once()
    {
        var pages = await ReadForwardAsync(orderBy: null);

        Assert.Equal(NewestFirst(_ => true), pages.SelectMany(Slugs));
        Assert.Equal([5, 5, 2], pages.Select(p => p["edges"]!.AsArray().Count));
        Assert.All(pages, page => Assert.Equal(12, (int)page["totalCount"]!));
        Assert.Equal([false, true, true], pages.Select(p => (bool)p["pageInfo"]!["hasPreviousPage"]!));
        Assert.Equal([true, true, false], pages.Select(p => (bool)p["pageInfo"]!["hasNextPage"]!));
        Assert.All(pages, page => Assert.Equal((string?)page["edges"]!.AsArray()[^1]!["cursor"], (string?)page["pageInfo"]!["endCursor"]));
    }

    [Fact]
    public async Task Paging_by_headline_reads_every_review_once()
    {
        // Text cursors carry the headlines' dashes, ampersands and colons.
        var pages = await ReadForwardAsync(orderBy: new[] { new { field = "HEADLINE", direction = "ASC" } });

        Assert.Equal(Published.OrderBy(r => r.Headline, StringComparer.OrdinalIgnoreCase).Select(r => r.Slug), pages.SelectMany(Slugs));
        Assert.False((bool)pages[^1]["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task Paging_backward_reads_every_review_once()
    {
        var pages = new List<JsonNode>();
        string? before = null;
        do
        {
            var page = (await GraphQL.DataAsync(PageQuery, new { last = 5, before }))["reviews"]!;
            pages.Insert(0, page);
            before = (string?)page["pageInfo"]!["startCursor"];
        }
        while ((bool)pages[0]["pageInfo"]!["hasPreviousPage"]! && pages.Count < 10);

        Assert.Equal(NewestFirst(_ => true), pages.SelectMany(Slugs));
        Assert.Equal([2, 5, 5], pages.Select(p => p["edges"]!.AsArray().Count));
        Assert.All(pages, page => Assert.Equal(12, (int)page["totalCount"]!));
        Assert.Equal([false, true, true], pages.Select(p => (bool)p["pageInfo"]!["hasPreviousPage"]!));
        Assert.Equal([true, true, false], pages.Select(p => (bool)p["pageInfo"]!["hasNextPage"]!));
        Assert.All(pages, page => Assert.Equal((string?)page["edges"]![0]!["cursor"], (string?)page["pageInfo"]!["startCursor"]));
    }

    [Fact]
    public async Task First_zero_returns_no_edges()
    {
        var page = (await GraphQL.DataAsync(PageQuery, new { first = 0 }))["reviews"]!;

        Assert.Empty(page["edges"]!.AsArray());
        Assert.Null(page["pageInfo"]!["startCursor"]);
        Assert.Null(page["pageInfo"]!["endCursor"]);
        Assert.Equal(12, (int)page["totalCount"]!);
    }

    [Theory]
    [InlineData("first: 101", "100")]
    [InlineData("last: 101", "100")]
    [InlineData("first: -1", "between 0 and 100")]
    [InlineData("first: 5, last: 5", "either `first`")]
    public async Task Page_size_outside_the_limits_is_refused(string arguments, string explanation)
    {
        var response = await GraphQL.PostAsync($"{{ reviews({arguments}) {{ nodes {{ slug }} }} }}");

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains(explanation, (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Null(response.Data?["reviews"]);
    }

    [Fact]
    public async Task Cursor_continues_after_the_list_changes()
    {
        var expected = NewestFirst(_ => true);
        var first = (await GraphQL.DataAsync(PageQuery, new { first = 3 }))["reviews"]!;
        Assert.Equal(expected[..3], Slugs(first));

        // A review newer than every other arrives at the top, and the last review of page 1 goes.
        var removed = Demo.Reviews.Single(r => r.Slug == expected[2]);
        var added = new Review
        {
            Id = Guid.NewGuid(),
            Slug = "her-a-second-look",
            Headline = "Review – Her, a second look",
            FilmId = DemoIds.For("film", "her"),
            Byline = "Isla Merriman",
            Body = ReviewBody.FromMarkdown("Ten years on, *Her* looks less like science fiction every day."),
            Verdict = new Verdict(VerdictRating.Pop, "Still tender, now uncanny."),
            Status = ReviewStatus.Published,
            PublishedAt = Published.Max(r => r.PublishedAt)!.Value.AddDays(1),
        };
        added.CreatedAt = added.UpdatedAt = added.PublishedAt.Value;
        try
        {
            await using (var session = Api.Store.LightweightSession())
            {
                session.Store(added);
                session.Delete<Review>(removed.Id);
                await session.SaveChangesAsync();
            }

            var second = (await GraphQL.DataAsync(PageQuery, new { first = 3, after = (string?)first["pageInfo"]!["endCursor"] }))["reviews"]!;
            var firstAgain = (await GraphQL.DataAsync(PageQuery, new { first = 3 }))["reviews"]!;

            Assert.Equal(expected[3..6], Slugs(second));
            Assert.True((bool)second["pageInfo"]!["hasPreviousPage"]!);
            // The change did happen: page 1 read now starts with the new review and lacks the removed one.
            Assert.Equal(["her-a-second-look", expected[0], expected[1]], Slugs(firstAgain));
        }
        finally
        {
            await using var session = Api.Store.LightweightSession();
            session.Delete<Review>(added.Id);
            session.Store(DemoCatalogue.Build().Reviews.Single(r => r.Id == removed.Id));
            await session.SaveChangesAsync();
        }
    }

    private static IEnumerable<Review> Published => Demo.Reviews.Where(r => r.IsPublished);

    private static Film FilmOf(Review review) => Demo.Films.Single(f => f.Id == review.FilmId);

    private static List<string> NewestFirst(Func<Review, bool> keep) =>
        [.. Published.Where(keep).OrderByDescending(r => r.PublishedAt).Select(r => r.Slug)];

    private static List<string> Slugs(JsonNode page) => [.. page["edges"]!.AsArray().Select(e => (string)e!["node"]!["slug"]!)];

    /// <summary>Every page of five, following <c>endCursor</c> until <c>hasNextPage</c> is false.</summary>
    private async Task<List<JsonNode>> ReadForwardAsync(object? orderBy)
    {
        var pages = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = (await GraphQL.DataAsync(PageQuery, new { first = 5, after, orderBy }))["reviews"]!;
            pages.Add(page);
            after = (string?)page["pageInfo"]!["endCursor"];
        }
        while ((bool)pages[^1]["pageInfo"]!["hasNextPage"]! && pages.Count < 10);
        return pages;
    }

    private async Task AssertFilterAsync(object where, Func<Review, bool> keep)
    {
        var expected = NewestFirst(keep);
        Assert.NotEmpty(expected);

        var (slugs, total) = await ListAsync(where);

        Assert.Equal(expected, slugs);
        Assert.Equal(expected.Count, total);
    }

    private async Task<(List<string> Slugs, int Total)> ListAsync(object? where, object? orderBy = null)
    {
        var reviews = (await GraphQL.DataAsync(ListQuery, new { where, orderBy }))["reviews"]!;
        return ([.. reviews["nodes"]!.AsArray().Select(n => (string)n!["slug"]!)], (int)reviews["totalCount"]!);
    }

    // Dates stay the strings the API sent: Newtonsoft would otherwise turn them into local times.
    private static JToken ToJToken(JsonNode data)
    {
        using var reader = new JsonTextReader(new StringReader(data.ToJsonString())) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
