using System.Text.Json.Nodes;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Films;

/// <summary><c>film</c> and <c>films</c>: lookups, filters, orders and each film's reviews, checked against the demo catalogue.</summary>
public sealed class FilmQueryTests(ApiFactory api) : ApiTest(api)
{
    private const string ListQuery = """
        query Films($where: FilmFilter, $orderBy: [FilmOrder!]) {
          films(first: 100, where: $where, orderBy: $orderBy) { totalCount nodes { slug } }
        }
        """;

    private static readonly DemoCatalogue Demo = DemoCatalogue.Build();

    [Fact]
    public async Task Film_by_slug()
    {
        var data = await GraphQL.DataAsync("""
            {
              film(slug: "her") {
                slug title year ukReleaseDate runtimeMinutes certificate certificateLabel genres synopsis
                poster { url altText width height }
                directors { slug } writers { slug } cast { person { slug } character billing }
              }
            }
            """);
        var film = data["film"]!;
        var her = Demo.Films.Single(f => f.Slug == "her");

        Assert.Equal("Her", (string?)film["title"]);
        Assert.Equal(2013, (int?)film["year"]);
        Assert.Equal("2014-02-14", (string?)film["ukReleaseDate"]);
        Assert.Equal(126, (int?)film["runtimeMinutes"]);
        Assert.Equal("FIFTEEN", (string?)film["certificate"]);
        Assert.Equal("15", (string?)film["certificateLabel"]);
        Assert.Equal(["Drama", "Romance", "Science Fiction"], Strings(film["genres"]!));
        Assert.Equal(her.Synopsis, (string?)film["synopsis"]);
        Assert.Equal("https://images.example.org/posters/her.jpg", (string?)film["poster"]!["url"]);
        Assert.Equal("Poster for Her (2013)", (string?)film["poster"]!["altText"]);
        Assert.Equal(["spike-jonze"], film["directors"]!.AsArray().Select(p => (string)p!["slug"]!));
        Assert.Equal(["spike-jonze"], film["writers"]!.AsArray().Select(p => (string)p!["slug"]!));
        Assert.Equal(
            ["joaquin-phoenix", "amy-adams", "rooney-mara", "olivia-wilde", "scarlett-johansson"],
            film["cast"]!.AsArray().Select(c => (string)c!["person"]!["slug"]!));
        Assert.Equal([1, 2, 3, 4, 5], film["cast"]!.AsArray().Select(c => (int)c!["billing"]!));
        Assert.Equal("Samantha", (string?)film["cast"]![4]!["character"]);
    }

    [Fact]
    public async Task Directors_and_writers_keep_their_credited_order()
    {
        const string Slug = "wallace-and-gromit-the-curse-of-the-were-rabbit";
        var data = await GraphQL.DataAsync("query($slug: String!) { film(slug: $slug) { directors { slug } writers { slug } } }", new { slug = Slug });
        var film = Demo.Films.Single(f => f.Slug == Slug);
        string SlugOf(Guid id) => Demo.People.Single(p => p.Id == id).Slug;

        Assert.Equal(["nick-park", "steve-box"], film.DirectorIds.Select(SlugOf));
        Assert.Equal(film.DirectorIds.Select(SlugOf), Strings(data["film"]!["directors"]!, "slug"));
        Assert.Equal(film.WriterIds.Select(SlugOf), Strings(data["film"]!["writers"]!, "slug"));
    }

    [Fact]
    public async Task Film_by_id_is_the_film_by_slug()
    {
        var id = GlobalId.Encode("Film", DemoIds.For("film", "arrival"));
        var data = await GraphQL.DataAsync("""
            query($id: ID!) {
              byId: film(id: $id) { id slug title certificateLabel }
              bySlug: film(slug: "arrival") { id slug title certificateLabel }
              missing: film(slug: "no-such-film") { id }
            }
            """, new { id });

        Assert.Equal(id, (string?)data["byId"]!["id"]);
        Assert.Equal("12A", (string?)data["byId"]!["certificateLabel"]);
        Assert.Equal(data["bySlug"]!.ToJsonString(), data["byId"]!.ToJsonString());
        Assert.Null(data["missing"]);
    }

    [Fact]
    public async Task Films_are_listed_by_title()
    {
        var (slugs, total) = await ListAsync(where: null);

        Assert.Equal(Demo.Films.OrderBy(f => f.Title, StringComparer.OrdinalIgnoreCase).Select(f => f.Slug), slugs);
        Assert.Equal(13, total);
    }

    [Fact]
    public async Task Order_by_title_descending()
    {
        var (slugs, _) = await ListAsync(where: null, orderBy: new[] { new { field = "TITLE", direction = "DESC" } });

        Assert.Equal(Demo.Films.OrderByDescending(f => f.Title, StringComparer.OrdinalIgnoreCase).Select(f => f.Slug), slugs);
    }

    [Fact]
    public async Task Order_by_year_then_title()
    {
        // 2013 and 2019 each have two films: the second key decides between them.
        var (slugs, _) = await ListAsync(where: null, orderBy: new object[] { new { field = "YEAR", direction = "DESC" }, new { field = "TITLE" } });

        Assert.Equal(Demo.Films.OrderByDescending(f => f.Year).ThenBy(f => f.Title, StringComparer.OrdinalIgnoreCase).Select(f => f.Slug), slugs);
    }

    [Fact]
    public async Task Order_by_uk_release_date()
    {
        var (slugs, _) = await ListAsync(where: null, orderBy: new[] { new { field = "UK_RELEASE_DATE" } });

        Assert.Equal(Demo.Films.OrderBy(f => f.UkReleaseDate).Select(f => f.Slug), slugs);
        Assert.Equal("being-john-malkovich", slugs[0]);
    }

    [Fact]
    public async Task Films_without_a_uk_release_come_last_either_way()
    {
        await WithUndatedFilmAsync(async () =>
        {
            var (ascending, _) = await ListAsync(where: null, orderBy: new[] { new { field = "UK_RELEASE_DATE", direction = "ASC" } });
            var (descending, _) = await ListAsync(where: null, orderBy: new[] { new { field = "UK_RELEASE_DATE", direction = "DESC" } });

            Assert.Equal([.. Demo.Films.OrderBy(f => f.UkReleaseDate).Select(f => f.Slug), Undated.Slug], ascending);
            Assert.Equal([.. Demo.Films.OrderByDescending(f => f.UkReleaseDate).Select(f => f.Slug), Undated.Slug], descending);
        });
    }

    [Theory]
    [InlineData("TITLE", "ASC")]
    [InlineData("TITLE", "DESC")]
    [InlineData("YEAR", "ASC")]
    [InlineData("YEAR", "DESC")]
    [InlineData("UK_RELEASE_DATE", "ASC")]
    [InlineData("UK_RELEASE_DATE", "DESC")]
    public async Task Every_edge_cursor_continues_the_list(string field, string direction)
    {
        const string Query = """
            query($orderBy: [FilmOrder!], $first: Int, $after: String, $last: Int, $before: String) {
              films(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) { edges { cursor node { slug } } }
            }
            """;
        var orderBy = new[] { new { field, direction } };
        await WithUndatedFilmAsync(async () =>
        {
            var all = (await GraphQL.DataAsync(Query, new { orderBy, first = 100 }))["films"]!["edges"]!.AsArray();
            var slugs = all.Select(e => (string)e!["node"]!["slug"]!).ToList();
            Assert.Contains(Undated.Slug, slugs);

            for (var i = 0; i < all.Count; i++)
            {
                var cursor = (string)all[i]!["cursor"]!;
                var after = await GraphQL.PostAsync(Query, new { orderBy, first = 100, after = cursor });
                var before = await GraphQL.PostAsync(Query, new { orderBy, last = 100, before = cursor });

                Assert.True(after.Errors is null, $"after the cursor of {slugs[i]}: {after.Errors?.ToJsonString()}");
                Assert.True(before.Errors is null, $"before the cursor of {slugs[i]}: {before.Errors?.ToJsonString()}");
                Assert.Equal(slugs[(i + 1)..], EdgeSlugs(after.Data!));
                Assert.Equal(slugs[..i], EdgeSlugs(before.Data!));
            }
        });
    }

    [Theory]
    [InlineData("DRAMA")]
    [InlineData("comedy")]
    [InlineData("Science Fiction")]
    public async Task Genre_filter_ignores_letter_case(string genre) =>
        await AssertFilterAsync(new { genre }, film => film.Genres.Contains(genre, StringComparer.OrdinalIgnoreCase));

    [Theory]
    [InlineData("FIFTEEN", Certificate.Fifteen)]
    [InlineData("TWELVE_A", Certificate.TwelveA)]
    [InlineData("PG", Certificate.PG)]
    public async Task Certificate_filter(string certificate, Certificate value) =>
        await AssertFilterAsync(new { certificate }, film => film.Certificate == value);

    [Theory]
    [InlineData(2019)]
    [InlineData(2013)]
    [InlineData(1999)]
    public async Task Year_filter(int year) =>
        await AssertFilterAsync(new { year }, film => film.Year == year);

    [Theory]
    [InlineData("joaquin-phoenix")]
    [InlineData("spike-jonze")]
    [InlineData("steve-box")]
    public async Task Person_filter_matches_any_credit(string person)
    {
        var id = DemoIds.For("person", person);
        await AssertFilterAsync(new { personId = GlobalId.Encode("Person", id) }, film => film.CreditedPersonIds.Contains(id));
    }

    [Fact]
    public async Task Filters_combine() =>
        await AssertFilterAsync(new { genre = "comedy", certificate = "FIFTEEN", year = 2019 },
            film => film.Genres.Contains("Comedy") && film.Certificate == Certificate.Fifteen && film.Year == 2019);

    [Fact]
    public async Task Person_filter_refuses_an_id_of_another_type()
    {
        var response = await GraphQL.PostAsync("query($id: ID) { films(where: { personId: $id }) { nodes { slug } } }",
            new { id = GlobalId.Encode("Film", DemoIds.For("film", "her")) });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("personId", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_film_lists_its_published_reviews()
    {
        var data = await GraphQL.DataAsync("{ films(first: 100) { nodes { slug reviews { slug byline verdict { rating } } } } }");
        var reviewsOfFilm = data["films"]!["nodes"]!.AsArray()
            .ToDictionary(f => (string)f!["slug"]!, f => Strings(f!["reviews"]!, "slug"));

        var expected = Demo.Films.ToDictionary(
            f => f.Slug,
            f => Demo.Reviews.Where(r => r.FilmId == f.Id && r.IsPublished).OrderByDescending(r => r.PublishedAt).Select(r => r.Slug).ToList());
        Assert.Equal(expected, reviewsOfFilm);
        Assert.Empty(reviewsOfFilm["the-master"]);
        var her = data["films"]!["nodes"]!.AsArray().Single(f => (string)f!["slug"]! == "her")!["reviews"]![0]!;
        Assert.Equal("Hattie Rowntree", (string?)her["byline"]);
        Assert.Equal("POP", (string?)her["verdict"]!["rating"]);
    }

    // A film announced but not yet released in the UK: no release date, no certificate yet.
    private static readonly Film Undated = new()
    {
        Id = DemoIds.For("film", "untitled-festival-cut"),
        Slug = "untitled-festival-cut",
        Title = "Untitled Festival Cut",
        Year = 2026,
        Genres = ["Drama"],
    };

    private async Task WithUndatedFilmAsync(Func<Task> test)
    {
        await using (var session = Api.Store.LightweightSession())
        {
            session.Store(Undated);
            await session.SaveChangesAsync();
        }
        try
        {
            await test();
        }
        finally
        {
            await using var session = Api.Store.LightweightSession();
            session.Delete<Film>(Undated.Id);
            await session.SaveChangesAsync();
        }
    }

    private static List<string> EdgeSlugs(JsonNode data) => [.. data["films"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["slug"]!)];

    private async Task AssertFilterAsync(object where, Func<Film, bool> keep)
    {
        var expected = Demo.Films.Where(keep).OrderBy(f => f.Title, StringComparer.OrdinalIgnoreCase).Select(f => f.Slug).ToList();
        Assert.NotEmpty(expected);

        var (slugs, total) = await ListAsync(where);

        Assert.Equal(expected, slugs);
        Assert.Equal(expected.Count, total);
    }

    private async Task<(List<string> Slugs, int Total)> ListAsync(object? where, object? orderBy = null)
    {
        var films = (await GraphQL.DataAsync(ListQuery, new { where, orderBy }))["films"]!;
        return (Strings(films["nodes"]!, "slug"), (int)films["totalCount"]!);
    }

    private static List<string> Strings(JsonNode array, string? property = null) =>
        [.. array.AsArray().Select(item => (string)(property is null ? item! : item![property]!)!)];
}
