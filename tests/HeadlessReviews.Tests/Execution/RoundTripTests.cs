using System.Text.Json.Nodes;
using HeadlessReviews.Api.Reviews;
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

    [Fact]
    public async Task Home_page_costs_four_round_trips_at_any_size()
    {
        // 1 the page of reviews, 2 their films, 3 their comment counts (films and counts are asked
        // for on the same level), 4 every director and cast member of those films at once.
        var costs = await CostsAsync(HomePage, "reviews", "edges", [2, 5, 13], [2, 5, 12]);

        Assert.Equal([4, 4, 4], costs);
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
