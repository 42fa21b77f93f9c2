using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Films;

/// <summary>
/// A list of reviews reads each film as a card (no cast, writers or synopsis) when its selection asks for
/// nothing more: the answer must be the one the whole film gives, and a selection that asks for more —
/// directly, merged from a second <c>film</c> field, or through a fragment — must get the whole film.
/// </summary>
public sealed class FilmCardTests(ApiFactory api) : ApiTest(api)
{
    private const string CardFields = """
        __typename id version slug title year ukReleaseDate runtimeMinutes certificate certificateLabel genres
        poster { url altText width height } directors { slug name }
        """;

    private const string PageFields = "cast { person { slug name } character billing } writers { slug } synopsis";

    /// <summary>The card's SQL leaves the page's members out of the document.</summary>
    private const string CardMarker = "'{Cast,WriterIds,Synopsis,CreditedPersonIds,GenreText}'";

    [Fact]
    public async Task A_home_page_reads_film_cards_that_answer_as_the_whole_film_does()
    {
        Api.RoundTrips.Reset();
        var nodes = (await GraphQL.DataAsync($$"""{ reviews(first: 100) { nodes { film { {{CardFields}} } } } }"""))["reviews"]!["nodes"]!.AsArray();
        Assert.Contains(Api.RoundTrips.Statements, statement => statement.Contains(CardMarker, StringComparison.Ordinal));

        Assert.NotEmpty(nodes);
        foreach (var film in nodes.Select(node => node!["film"]!))
        {
            var whole = (await GraphQL.DataAsync($$"""query($slug: String!) { film(slug: $slug) { {{CardFields}} {{PageFields}} } }""",
                new { slug = (string)film["slug"]! }))["film"]!.AsObject();
            foreach (var (field, value) in film.AsObject())
                Assert.True(JsonNode.DeepEquals(whole[field], value), $"{film["slug"]}: {field}");
        }
        Assert.Contains(nodes, node => node!["film"]!["directors"]!.AsArray().Count > 0);
        Assert.Contains(nodes, node => node!["film"]!["poster"] is not null);
    }

    [Theory]
    [InlineData("film { title } film { title " + PageFields + " }")]
    [InlineData("film { title ...Page }")]
    [InlineData("film { title ... on Film { " + PageFields + " } }")]
    [InlineData("... on Review { film { title } } film { " + PageFields + " }")]
    public async Task A_selection_that_asks_for_more_than_a_card_gets_the_whole_film(string selection)
    {
        var fragment = selection.Contains("...Page", StringComparison.Ordinal) ? $"fragment Page on Film {{ {PageFields} }}" : "";
        Api.RoundTrips.Reset();
        var nodes = (await GraphQL.DataAsync($$"""query { reviews(first: 100) { nodes { slug {{selection}} } } } {{fragment}}"""))["reviews"]!["nodes"]!.AsArray();
        Assert.DoesNotContain(Api.RoundTrips.Statements, statement => statement.Contains(CardMarker, StringComparison.Ordinal));

        Assert.NotEmpty(nodes);
        foreach (var node in nodes)
        {
            var film = node!["film"]!;
            var whole = (await GraphQL.DataAsync($$"""query($slug: String!) { review(slug: $slug) { film { title {{PageFields}} } } }""",
                new { slug = (string)node["slug"]! }))["review"]!["film"]!;
            Assert.True(JsonNode.DeepEquals(whole, film), (string)node["slug"]!);
        }
        Assert.Contains(nodes, node => node!["film"]!["cast"]!.AsArray().Count > 0);
    }
}
