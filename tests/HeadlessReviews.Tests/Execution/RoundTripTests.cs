using System.Text.Json.Nodes;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Execution;

/// <summary>
/// No N+1: a page costs the same few database round trips whatever its size, because every level's
/// films, people, reviews and counts are fetched in one batch.
/// </summary>
public sealed class RoundTripTests(ApiFactory api) : ApiTest(api)
{
    private const string HomePage = """
        query HomePage($first: Int) {
          reviews(first: $first) {
            edges {
              node {
                headline
                film {
                  title
                  directors { name }
                  cast { person { name } character }
                }
                commentCount
              }
            }
          }
        }
        """;

    private const string FilmPage = """
        query FilmPage($first: Int) {
          films(first: $first) {
            nodes {
              title
              directors { name }
              cast { person { name } }
              reviews { headline }
            }
          }
        }
        """;

    private const string SearchPage = """
        query SearchPage($first: Int) {
          search(query: "her", first: $first) {
            nodes {
              __typename
              ... on Review { headline film { title } }
              ... on Film { title }
              ... on Person { name }
            }
          }
        }
        """;

    private const string ReviewPage = """
        query ReviewPage($slug: String!) {
          review(slug: $slug) {
            headline
            body { html pullQuotes }
            film { title directors { name } cast { person { name } character } }
            commentCount
            comments(first: 20) { nodes { authorName replies { authorName } } }
          }
        }
        """;

    [Fact]
    public async Task Home_page_costs_three_round_trips_at_any_size()
    {
        // 1 the page of reviews with their comment counts (read along, not asked for on the next
        // level), 2 their films, 3 every director and cast member of those films at once.
        var costs = await CostsAsync(HomePage, "reviews", "edges", [2, 5, 13], [2, 5, 12]);

        Assert.Equal([3, 3, 3], costs);
    }

    [Fact]
    public async Task A_count_asked_for_in_a_fragment_is_read_along_too()
    {
        // 1 the reviews with their counts (the fragment is read through), 2 their films.
        Api.RoundTrips.Reset();
        var data = await GraphQL.DataAsync("""
            query { reviews(first: 5) { nodes { ...Card } } }
            fragment Card on Review { headline ... on Review { commentCount film { title } } }
            """);

        Assert.Equal(2, Api.RoundTrips.Count);
        Assert.Equal(5, ((JsonArray)data["reviews"]!["nodes"]!).Count);
    }

    [Fact]
    public async Task Review_page_costs_one_round_trip()
    {
        // The review by slug with its comment count, its film with the people it credits, and its comment
        // thread: one statement, as the raw endpoint's page is.
        Api.RoundTrips.Reset();
        var review = (await GraphQL.DataAsync(ReviewPage, new { slug = "her" }))["review"]!;

        Assert.Equal(1, Api.RoundTrips.Count);
        Assert.Single(Api.RoundTrips.Statements);
        Assert.NotEmpty(((JsonArray)review["film"]!["cast"]!).Select(member => (string?)member!["person"]!["name"]));
        Assert.NotEmpty((JsonArray)review["comments"]!["nodes"]!);
        Assert.StartsWith("<p>", (string?)review["body"]!["html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_by_slug_reads_along_only_what_is_asked_for()
    {
        // The film without its people: one round trip, and the people, asked for on their own, another.
        Api.RoundTrips.Reset();
        await GraphQL.DataAsync("query($slug: String!) { review(slug: $slug) { film { title synopsis } } }", new { slug = "her" });
        Assert.Equal(1, Api.RoundTrips.Count);
        Assert.DoesNotContain(Tables.People, Api.RoundTrips.Statements[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Tables.Comments + " d", Api.RoundTrips.Statements[0], StringComparison.Ordinal);

        Api.RoundTrips.Reset();
        await GraphQL.DataAsync("query($slug: String!) { review(slug: $slug) { headline } }", new { slug = "her" });
        Assert.Equal(1, Api.RoundTrips.Count);
        Assert.DoesNotContain(Tables.Films, Api.RoundTrips.Statements[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_read_along_with_the_reviews_is_the_one_read_on_its_own()
    {
        // The list and the slug lookup read commentCount with the reviews; a lookup by id reads it on its own.
        var list = (JsonArray)(await GraphQL.DataAsync("{ reviews(first: 50) { nodes { id slug commentCount } } }"))["reviews"]!["nodes"]!;
        Assert.Contains(list, node => (int)node!["commentCount"]! > 0);
        foreach (var node in list)
        {
            var id = (string)node!["id"]!;
            var slug = (string)node["slug"]!;
            // Apart: within one request the slug lookup's count would serve the lookup by id too.
            var byId = await GraphQL.DataAsync("query($id: ID!) { review(id: $id) { commentCount } }", new { id });
            var bySlug = await GraphQL.DataAsync("query($slug: String!) { review(slug: $slug) { commentCount } }", new { slug });
            Assert.Equal((int)node["commentCount"]!, (int)byId["review"]!["commentCount"]!);
            Assert.Equal((int)node["commentCount"]!, (int)bySlug["review"]!["commentCount"]!);
        }
    }

    [Fact]
    public async Task Film_page_costs_three_round_trips_at_any_size()
    {
        // 1 the page of films, 2 every director and cast member of those films, 3 their reviews.
        var costs = await CostsAsync(FilmPage, "films", "nodes", [2, 5, 13], [2, 5, 13]);

        Assert.Equal([3, 3, 3], costs);
    }

    [Fact]
    public async Task Search_page_costs_two_round_trips_at_any_size()
    {
        // 1 the page of results, 2 the films of the reviews among them ("her" finds 12 results,
        // the review of Her first, so every page has reviews whose films must be fetched).
        var costs = await CostsAsync(SearchPage, "search", "nodes", [2, 5, 100], [2, 5, 12]);

        Assert.Equal([2, 2, 2], costs);
    }

    [Fact]
    public async Task Only_the_tests_own_commands_are_counted()
    {
        // The service's background work (token re-checks, scheduled publishing, event feeds) runs
        // outside the test's requests and flow, and so do the requests of other clients.
        var otherClient = new GraphQLClient(Api.CreateClient());
        Api.RoundTrips.Reset();
        await otherClient.DataAsync(FilmPage, new { first = 2 });
        Task background;
        using (ExecutionContext.SuppressFlow())
        {
            background = Task.Run(async () =>
            {
                await using var session = Api.Store.QuerySession();
                await session.LoadAsync<Review>(Guid.NewGuid());
            });
        }
        await background;
        Assert.Equal(0, Api.RoundTrips.Count);

        await GraphQL.DataAsync(FilmPage, new { first = 2 });
        Assert.Equal(3, Api.RoundTrips.Count);
    }

    /// <summary>Runs the query at each page size and returns the round trips each cost.</summary>
    private async Task<int[]> CostsAsync(string query, string connection, string items, int[] sizes, int[] expectedCounts)
    {
        var costs = new int[sizes.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            Api.RoundTrips.Reset();
            var data = await GraphQL.DataAsync(query, new { first = sizes[i] });
            costs[i] = Api.RoundTrips.Count;

            // The page really was that big, so a cost that grew with it would show.
            Assert.Equal(expectedCounts[i], ((JsonArray)data[connection]![items]!).Count);
        }
        return costs;
    }
}
