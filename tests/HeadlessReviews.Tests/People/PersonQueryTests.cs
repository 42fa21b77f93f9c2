using System.Text.Json.Nodes;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.People;

/// <summary><c>person</c> and <c>people</c>: credits derived from the films, films by role, name search and paging.</summary>
public sealed class PersonQueryTests(ApiFactory api) : ApiTest(api)
{
    private const string CreditsQuery = """
        query($slug: String!) {
          person(slug: $slug) { name credits { film { title } role character billing } }
        }
        """;

    private const string PeopleQuery = """
        query People($nameContains: String, $first: Int, $after: String, $last: Int, $before: String) {
          people(nameContains: $nameContains, first: $first, after: $after, last: $last, before: $before) {
            totalCount
            nodes { name }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private static readonly DemoCatalogue Demo = DemoCatalogue.Build();

    [Fact]
    public async Task Joaquin_phoenix_credits()
    {
        var person = (await GraphQL.DataAsync(CreditsQuery, new { slug = "joaquin-phoenix" }))["person"]!;

        Assert.Equal("Joaquin Phoenix", (string?)person["name"]);
        // Oldest film first, each with the character he played and where he was billed.
        Assert.Equal(
            [
                ("The Master", "ACTOR", "Freddie Quell", 1),
                ("Her", "ACTOR", "Theodore Twombly", 1),
                ("Inherent Vice", "ACTOR", "Larry \"Doc\" Sportello", 1),
                ("Joker", "ACTOR", "Arthur Fleck", 1),
            ],
            Credits(person));
    }

    [Fact]
    public async Task Spike_jonze_directed_and_wrote_her()
    {
        var person = (await GraphQL.DataAsync(CreditsQuery, new { slug = "spike-jonze" }))["person"]!;

        Assert.Equal(
            [
                ("Being John Malkovich", "DIRECTOR", (string?)null, (int?)null),
                ("Her", "DIRECTOR", null, null),
                ("Her", "WRITER", null, null),
            ],
            Credits(person));
    }

    [Fact]
    public async Task Films_by_role()
    {
        var data = await GraphQL.DataAsync("""
            {
              person(slug: "spike-jonze") {
                all: films { slug }
                directed: films(role: DIRECTOR) { slug }
                wrote: films(role: WRITER) { slug }
                acted: films(role: ACTOR) { slug }
              }
            }
            """);
        var person = data["person"]!;

        // Her is one film, though he has two credits on it.
        Assert.Equal(["being-john-malkovich", "her"], Slugs(person["all"]!));
        Assert.Equal(["being-john-malkovich", "her"], Slugs(person["directed"]!));
        Assert.Equal(["her"], Slugs(person["wrote"]!));
        Assert.Empty(Slugs(person["acted"]!));
    }

    [Fact]
    public async Task Person_by_id_is_the_person_by_slug()
    {
        var id = GlobalId.Encode("Person", DemoIds.For("person", "amy-adams"));
        var data = await GraphQL.DataAsync("""
            query($id: ID!) {
              byId: person(id: $id) { id slug name bio image { url altText } films { slug } }
              bySlug: person(slug: "amy-adams") { id slug name bio image { url altText } films { slug } }
              missing: person(slug: "no-such-person") { id }
            }
            """, new { id });

        Assert.Equal(id, (string?)data["byId"]!["id"]);
        Assert.Equal("Amy Adams", (string?)data["byId"]!["name"]);
        Assert.Equal(["the-master", "her", "arrival"], Slugs(data["byId"]!["films"]!));
        Assert.Equal(data["bySlug"]!.ToJsonString(), data["byId"]!.ToJsonString());
        Assert.Null(data["missing"]);
    }

    [Theory]
    [InlineData("JO")]
    [InlineData("son")]
    [InlineData("del Toro")]
    public async Task People_whose_name_contains_the_text(string text)
    {
        var people = (await GraphQL.DataAsync(PeopleQuery, new { nameContains = text, first = 100 }))["people"]!;

        var expected = Demo.People.Where(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Names(people));
        Assert.Equal(expected.Count, (int)people["totalCount"]!);
    }

    [Fact]
    public async Task Paging_through_people_reads_everyone_once()
    {
        var everyone = (await GraphQL.DataAsync(PeopleQuery, new { first = 100 }))["people"]!;
        var pages = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = (await GraphQL.DataAsync(PeopleQuery, new { first = 10, after }))["people"]!;
            pages.Add(page);
            after = (string?)page["pageInfo"]!["endCursor"];
        }
        while ((bool)pages[^1]["pageInfo"]!["hasNextPage"]! && pages.Count < 20);

        var count = Demo.People.Count;
        Assert.Equal(Demo.People.Select(p => p.Name).Order(StringComparer.Ordinal), Names(everyone).Order(StringComparer.Ordinal));
        Assert.Equal(Names(everyone), pages.SelectMany(Names));
        Assert.Equal((count + 9) / 10, pages.Count);
        Assert.All(pages, page => Assert.Equal(count, (int)page["totalCount"]!));
        Assert.False((bool)pages[0]["pageInfo"]!["hasPreviousPage"]!);
        Assert.All(pages.Skip(1), page => Assert.True((bool)page["pageInfo"]!["hasPreviousPage"]!));
        Assert.False((bool)pages[^1]["pageInfo"]!["hasNextPage"]!);

        // Reading backward from the end meets the same names.
        var last = (await GraphQL.DataAsync(PeopleQuery, new { last = 5 }))["people"]!;
        Assert.Equal(Names(everyone)[^5..], Names(last));
        Assert.True((bool)last["pageInfo"]!["hasPreviousPage"]!);
        Assert.False((bool)last["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task Paging_through_a_name_search()
    {
        var all = Names((await GraphQL.DataAsync(PeopleQuery, new { nameContains = "an", first = 100 }))["people"]!);
        var first = (await GraphQL.DataAsync(PeopleQuery, new { nameContains = "an", first = 4 }))["people"]!;
        var rest = (await GraphQL.DataAsync(PeopleQuery, new { nameContains = "an", first = 100, after = (string?)first["pageInfo"]!["endCursor"] }))["people"]!;

        Assert.True(all.Count > 4);
        Assert.All(all, name => Assert.Contains("an", name, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(all, [.. Names(first), .. Names(rest)]);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)rest["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(all.Count, (int)rest["totalCount"]!);
    }

    private static List<(string Film, string Role, string? Character, int? Billing)> Credits(JsonNode person) =>
        [.. person["credits"]!.AsArray().Select(c => ((string)c!["film"]!["title"]!, (string)c["role"]!, (string?)c["character"], (int?)c["billing"]))];

    private static List<string> Slugs(JsonNode films) => [.. films.AsArray().Select(f => (string)f!["slug"]!)];

    private static List<string> Names(JsonNode people) => [.. people["nodes"]!.AsArray().Select(p => (string)p!["name"]!)];
}
