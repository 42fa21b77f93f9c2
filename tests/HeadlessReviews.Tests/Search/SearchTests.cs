using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace HeadlessReviews.Tests.Search;

public sealed class SearchTests(ApiFactory api) : ApiTest(api)
{
    private const string Search = """
        query Search($query: String!, $first: Int, $after: String) {
          search(query: $query, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges {
              node {
                __typename
                ... on Review { id slug headline }
                ... on Film { id slug title }
                ... on Person { id slug name }
              }
            }
          }
        }
        """;

    /// <summary>What a search found: the kind, the slug and the name, title or headline.</summary>
    private sealed record Hit(string Kind, string Slug, string Label, string Id);

    [Fact]
    public async Task A_review_found_by_search_shows_its_whole_body_and_every_excerpt()
    {
        // Search reads reviews as cards (ReviewCards): the body and long excerpts must still be the review's own.
        const string Found = """
            query { search(query: "her", first: 10) { nodes { ... on Review { slug short: excerpt(length: 160) long: excerpt(length: 2000) body { markdown html text pullQuotes } } } } }
            """;
        const string One = """
            query { review(slug: "her") { short: excerpt(length: 160) long: excerpt(length: 2000) body { markdown html text pullQuotes } } }
            """;
        var found = (await GraphQL.DataAsync(Found))["search"]!["nodes"]!.AsArray().Single(node => (string?)node!["slug"] == "her")!;
        var review = (await GraphQL.DataAsync(One))["review"]!;

        var shown = found.DeepClone().AsObject();
        shown.Remove("slug");
        Assert.True(JsonNode.DeepEquals(review, shown), $"search: {shown.ToJsonString()}\nreview: {review.ToJsonString()}");
        Assert.NotEqual("", (string?)review["body"]!["html"]);
    }

    [Fact]
    public async Task Her_finds_the_film_and_its_review_first()
    {
        // "her" is an English stop word: an English text configuration would drop it and find nothing.
        var hits = await AllHitsAsync("her");

        Assert.Equal(
            new HashSet<(string, string)> { ("Film", "her"), ("Review", "her") },
            hits.Take(2).Select(hit => (hit.Kind, hit.Slug)).ToHashSet());
    }

    [Theory]
    [InlineData("Joaquin")]
    [InlineData("joaquin")]
    [InlineData("PHOENIX")]
    [InlineData("phoenix")]
    [InlineData("joaq")]
    public async Task A_name_in_any_letter_case_or_its_start_finds_the_person_first(string query)
    {
        var hits = await AllHitsAsync(query);

        Assert.NotEmpty(hits);
        Assert.Equal(("Person", "joaquin-phoenix", "Joaquin Phoenix"), (hits[0].Kind, hits[0].Slug, hits[0].Label));
    }

    [Fact]
    public async Task Science_fiction_finds_the_science_fiction_films()
    {
        var hits = await AllHitsAsync("science fiction");

        // The verdict on Arrival calls it "cerebral science fiction".
        Assert.Contains(hits, hit => hit is { Kind: "Review", Slug: "arrival" });
        // Her and Arrival are the catalogue's films of the genre Science Fiction.
        Assert.Equal(["arrival", "her"], hits.Where(hit => hit.Kind == "Film").Select(hit => hit.Slug).Order());
    }

    [Theory]
    [InlineData("her")]
    [InlineData("phoenix")]
    [InlineData("the master")]
    [InlineData("los angeles")]
    [InlineData("rooney mara")]
    [InlineData("acad")]
    public async Task Results_are_every_published_document_holding_every_word(string query)
    {
        // The same rule worked out in memory over the demo catalogue: every word of the query is a
        // word, or the start of one, of a headline, verdict or review text; a film's title or
        // synopsis; a person's name or biography. Drafts never count.
        var catalogue = DemoCatalogue.Build();
        var wanted = Words(query);
        bool Holds(params string?[] texts)
        {
            var words = texts.SelectMany(text => Words(text ?? "")).ToList();
            return wanted.All(w => words.Any(word => word.StartsWith(w, StringComparison.Ordinal)));
        }
        var expected = catalogue.Reviews.Where(r => r.IsPublished && Holds(r.Headline, r.Verdict.Summary, r.Body.Text)).Select(r => ("Review", r.Slug))
            .Concat(catalogue.Films.Where(f => Holds(f.Title, f.Synopsis)).Select(f => ("Film", f.Slug)))
            .Concat(catalogue.People.Where(p => Holds(p.Name, p.Bio)).Select(p => ("Person", p.Slug)))
            .ToHashSet();

        var found = (await AllHitsAsync(query)).Select(hit => (hit.Kind, hit.Slug)).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(found.Count, found.Distinct().Count());
        Assert.Equal(expected.Order(), found.Order());
    }

    [Fact]
    public async Task Results_say_which_kind_they_are()
    {
        var hits = await AllHitsAsync("her");

        // Each kind's own field came back, so the union resolved each result to its real type.
        Assert.Contains(hits, hit => hit is { Kind: "Review", Slug: "her", Label: "Review – Her" });
        Assert.Contains(hits, hit => hit is { Kind: "Film", Slug: "her", Label: "Her" });
        // Rooney Mara's biography says the film "announced her".
        Assert.Contains(hits, hit => hit is { Kind: "Person", Slug: "rooney-mara", Label: "Rooney Mara" });
        Assert.All(hits, hit => Assert.Contains(hit.Kind, (string[])["Review", "Film", "Person"]));
    }

    [Fact]
    public async Task Total_count_counts_every_result_not_just_the_page()
    {
        var all = await AllHitsAsync("her");
        var page = await SearchAsync("her", first: 3);

        Assert.True(all.Count > 3, $"Expected more than one page of results for \"her\"; got {all.Count}.");
        Assert.Equal(3, page["edges"]!.AsArray().Count);
        Assert.Equal(all.Count, page["totalCount"]!.GetValue<int>());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Each_kind_ranks_at_most_the_set_number_of_matches_and_counts_only_those()
    {
        const int Ranked = 2;
        var all = await AllHitsAsync("the");
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Search:MaxRankedMatches", $"{Ranked}"));
        var capped = (await new GraphQLClient(host.CreateClient()).DataAsync(Search, new { query = "the", first = 100 }))["search"]!;
        var found = Hits(capped);

        // The demo catalogue has more than two of some kind holding "the", so the limit shows.
        Assert.Contains(all.GroupBy(hit => hit.Kind), kind => kind.Count() > Ranked);
        foreach (var kind in all.GroupBy(hit => hit.Kind))
            Assert.Equal(Math.Min(kind.Count(), Ranked), found.Count(hit => hit.Kind == kind.Key));
        Assert.Subset(all.ToHashSet(), found.ToHashSet());
        Assert.Equal(found.Count, capped["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paging_with_first_and_after_covers_every_result_once_in_rank_order()
    {
        var all = await AllHitsAsync("her");

        var paged = new List<Hit>();
        string? after = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await SearchAsync("her", first: 4, after);
            paged.AddRange(Hits(page));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(paged.Count, paged.Select(hit => hit.Id).Distinct().Count());
        Assert.Equal(all, paged);
    }

    public static TheoryData<string> AwkwardInputs => new()
    {
        "\"her\"",
        "'",
        "''",
        "her & | ! :* ( )",
        "<->",
        "her <-> phoenix",
        "!her",
        "her:*",
        "her:A",
        "'; drop table mt_doc_film; --",
        "\\",
        "her\\",
        "\\'her\\'",
        "   ",
        "\t\n\r",
        "Zoë",
        "東京物語",
        "愛 her",
        "שלום",
        "🎬🍿",
        "🎬 her 🍿",
        "\u0000her",
        "e\u0301",
    };

    [Theory]
    [MemberData(nameof(AwkwardInputs))]
    public async Task Any_text_within_the_limits_is_searched_without_an_error(string query)
    {
        var response = await GraphQL.PostAsync(Search, new { query, first = 100 });

        Assert.Equal(200, response.Status);
        Assert.True(response.Errors is null, $"Search for {Show(query)} answered errors: {response.Errors?.ToJsonString()}");
        var search = response.Data!["search"]!;
        Assert.Equal(search["edges"]!.AsArray().Count, search["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("\"her\"")]
    [InlineData("her & | ! :* ( )")]
    [InlineData("!her")]
    [InlineData("her\\")]
    [InlineData("🎬 her 🍿")]
    public async Task Operators_quotes_and_symbols_around_a_word_are_ignored(string query)
    {
        Assert.Equal(await AllHitsAsync("her"), await AllHitsAsync(query));
    }

    [Fact]
    public async Task Sql_in_the_search_text_is_only_text()
    {
        var hits = await AllHitsAsync("'; drop table mt_doc_film; --");

        Assert.Empty(hits);
        var films = await GraphQL.DataAsync("{ films { totalCount } }");
        Assert.Equal(13, films["films"]!["totalCount"]!.GetValue<int>());
        Assert.Contains(await AllHitsAsync("her"), hit => hit is { Kind: "Film", Slug: "her" });
    }

    [Theory]
    [InlineData("🎬🍿")]
    [InlineData("   ")]
    [InlineData("'")]
    [InlineData("& | ! ( ) <-> :*")]
    public async Task Text_without_a_word_finds_nothing(string query)
    {
        var search = await SearchAsync(query);

        Assert.Empty(search["edges"]!.AsArray());
        Assert.Equal(0, search["totalCount"]!.GetValue<int>());
        Assert.False(search["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("Guðnadóttir", "joker")]
    [InlineData("guðnadóttir", "joker")]
    [InlineData("GUÐNADÓTTIR", "joker")]
    [InlineData("toupéed", "wallace-and-gromit-the-curse-of-the-were-rabbit")]
    public async Task Accented_words_are_found(string query, string review)
    {
        // The review of Joker praises Hildur Guðnadóttir's score; Wallace & Gromit's has a toupéed villain.
        var hit = Assert.Single(await AllHitsAsync(query));

        Assert.Equal(("Review", review), (hit.Kind, hit.Slug));
    }

    [Fact]
    public async Task Ten_kilobytes_of_text_get_a_clear_error_naming_the_limit()
    {
        var response = await GraphQL.PostAsync(Search, new { query = string.Concat(Enumerable.Repeat("her phoenix ", 850)), first = 5 });

        AssertUserError(response, "256");
    }

    [Fact]
    public async Task Thirty_different_words_get_a_clear_error_naming_the_limit()
    {
        var words = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}"));
        var response = await GraphQL.PostAsync(Search, new { query = words, first = 5 });

        AssertUserError(response, "16");
    }

    [Fact]
    public async Task The_limits_are_256_characters_and_16_words()
    {
        // One word 64 times: the longest text allowed, and a word repeated counts once.
        var longest = string.Concat(Enumerable.Repeat("her ", 64));
        var sixteen = string.Join(' ', Enumerable.Range(1, 16).Select(i => $"word{i}"));
        var seventeen = string.Join(' ', Enumerable.Range(1, 17).Select(i => $"word{i}"));

        Assert.Equal(256, longest.Length);
        Assert.Equal(await AllHitsAsync("her"), await AllHitsAsync(longest));
        AssertUserError(await GraphQL.PostAsync(Search, new { query = longest + "h", first = 5 }), "256");
        Assert.Empty(await AllHitsAsync(sixteen));
        AssertUserError(await GraphQL.PostAsync(Search, new { query = seventeen, first = 5 }), "16");
    }

    [Theory]
    [InlineData("skeleton")]
    [InlineData("baffling")]
    [InlineData("bluster")]
    public async Task Words_only_in_a_draft_find_nothing(string query)
    {
        // These words appear only in the draft review of The Master, which the public must not see.
        var search = await SearchAsync(query);

        Assert.Empty(search["edges"]!.AsArray());
        Assert.Equal(0, search["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_master_finds_the_film_but_not_its_draft_review()
    {
        var hits = await AllHitsAsync("the master");

        Assert.Contains(hits, hit => hit is { Kind: "Film", Slug: "the-master" });
        Assert.DoesNotContain(hits, hit => hit.Kind == "Review" && hit.Slug == "the-master");
    }

    [Fact]
    public async Task Her_snapshot()
    {
        var response = await GraphQL.PostAsync("""
            {
              search(query: "her", first: 5) {
                totalCount
                pageInfo { hasNextPage }
                nodes {
                  __typename
                  ... on Review { headline film { title } }
                  ... on Film { title year }
                  ... on Person { name }
                }
              }
            }
            """);

        Snapshot.Match(JToken.Parse(response.Body));
    }

    private async Task<JsonNode> SearchAsync(string query, int? first = null, string? after = null)
    {
        var data = await GraphQL.DataAsync(Search, new { query, first, after });
        return data["search"]!;
    }

    private async Task<List<Hit>> AllHitsAsync(string query)
    {
        var search = await SearchAsync(query, first: 100);
        Assert.False(search["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), $"More than 100 results for {Show(query)}.");
        return Hits(search);
    }

    private static List<Hit> Hits(JsonNode search) =>
    [
        .. search["edges"]!.AsArray().Select(edge => edge!["node"]!).Select(node => new Hit(
            node["__typename"]!.GetValue<string>(),
            node["slug"]!.GetValue<string>(),
            (node["headline"] ?? node["title"] ?? node["name"])!.GetValue<string>(),
            node["id"]!.GetValue<string>())),
    ];

    private static List<string> Words(string text) =>
        [.. Regex.Matches(text, @"[\p{L}\p{N}\p{M}]+").Select(match => match.Value.ToLowerInvariant())];

    private static void AssertUserError(GraphQLResponse response, string limit)
    {
        Assert.Equal(200, response.Status);
        Assert.NotNull(response.Errors);
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        var message = response.Errors![0]!["message"]!.GetValue<string>();
        Assert.Contains(limit, message, StringComparison.Ordinal);
        Assert.Null(response.Data?["search"]);
    }

    private static string Show(string query) => query.Length > 40 ? $"\"{query[..40]}…\" ({query.Length} characters)" : $"\"{query}\"";
}
