using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Graph;

/// <summary><c>review</c>, <c>film</c> and <c>person</c> by slug and by id take one path: the slug leads to the id, the id to the by-id loader.</summary>
public sealed class SingleLookupTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("review", "her", "headline", 1)]
    [InlineData("film", "her", "title", 2)]
    [InlineData("person", "spike-jonze", "name", 2)]
    public async Task By_slug_and_by_id_in_one_request_load_the_object_once(string field, string slug, string scalar, int roundTrips)
    {
        var id = (string)(await GraphQL.DataAsync($"query($slug: String!) {{ {field}(slug: $slug) {{ id }} }}", new { slug }))[field]!["id"]!;

        Api.RoundTrips.Reset();
        var data = await GraphQL.DataAsync($$"""
            query($slug: String!, $id: ID!) {
              bySlug: {{field}}(slug: $slug) { id {{scalar}} }
              byId: {{field}}(id: $id) { id {{scalar}} }
              again: {{field}}(slug: $slug) { id {{scalar}} }
            }
            """, new { slug, id });

        // One round trip finds the slug's id, one loads the object (a review's slug lookup reads the review
        // too: the review page's first query); the other two fields reuse both.
        Assert.Equal(roundTrips, Api.RoundTrips.Count);
        foreach (var alias in new[] { "bySlug", "byId", "again" })
        {
            Assert.Equal(id, (string?)data[alias]!["id"]);
            Assert.Equal((string?)data["bySlug"]![scalar], (string?)data[alias]![scalar]);
        }
    }
}
