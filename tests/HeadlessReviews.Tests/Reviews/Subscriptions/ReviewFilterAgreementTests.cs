using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Reviews.Subscriptions;

/// <summary>
/// The two twins of <see cref="ReviewFilter"/> agree on the demo data: the reviews a subscriber's filter
/// lets through in memory (<c>Matches</c>, per published review and its film) are exactly those
/// <c>reviews(where:)</c> answers from the database (<c>ApplyTo</c>).
/// </summary>
public sealed class ReviewFilterAgreementTests(ApiFactory api) : ApiTest(api)
{
    private const string Reviews = "query($where: ReviewFilter) { reviews(first: 100, where: $where) { nodes { id } } }";

    private static readonly Dictionary<string, ReviewFilter> Filters = new()
    {
        ["none"] = new(),
        ["verdict POP"] = new() { Verdict = VerdictRating.Pop },
        ["verdict POOP"] = new() { Verdict = VerdictRating.Poop },
        ["genre drama"] = new() { Genre = "drama" },
        ["genre ROMANCE (another case)"] = new() { Genre = "ROMANCE" },
        ["genre science fiction (two words)"] = new() { Genre = "Science Fiction" },
        ["genre no film has"] = new() { Genre = "Western" },
        ["certificate 15"] = new() { Certificate = Certificate.Fifteen },
        ["certificate 12A"] = new() { Certificate = Certificate.TwelveA },
        ["certificate U"] = new() { Certificate = Certificate.U },
        ["certificate no film has"] = new() { Certificate = Certificate.R18 },
        ["film carol"] = new() { FilmId = Film("carol") },
        ["film the-master (its review is a draft)"] = new() { FilmId = Film("the-master") },
        ["person joaquin-phoenix"] = new() { PersonId = Person("joaquin-phoenix") },
        ["person rooney-mara"] = new() { PersonId = Person("rooney-mara") },
        ["person spike-jonze (director and writer)"] = new() { PersonId = Person("spike-jonze") },
        ["published after inherent-vice's instant (inclusive)"] = new() { PublishedAfter = At("2015-01-30T10:15:00Z") },
        ["published before inherent-vice's instant (exclusive)"] = new() { PublishedBefore = At("2015-01-30T10:15:00Z") },
        ["published before, with an offset"] = new() { PublishedBefore = At("2015-01-30T12:15:00+02:00") },
        ["published in 2015"] = new() { PublishedAfter = At("2015-01-01T00:00:00Z"), PublishedBefore = At("2016-01-01T00:00:00Z") },
        ["POP dramas since 2015"] = new() { Verdict = VerdictRating.Pop, Genre = "Drama", PublishedAfter = At("2015-01-01T00:00:00Z") },
        ["POOP with joaquin-phoenix"] = new() { Verdict = VerdictRating.Poop, PersonId = Person("joaquin-phoenix") },
        ["15s before 2016"] = new() { Certificate = Certificate.Fifteen, PublishedBefore = At("2016-01-01T00:00:00Z") },
        ["carol, but POOP"] = new() { FilmId = Film("carol"), Verdict = VerdictRating.Poop },
        ["rooney-mara in romances of 12A"] = new() { PersonId = Person("rooney-mara"), Genre = "romance", Certificate = Certificate.TwelveA },
    };

    public static TheoryData<string> Cases => [.. Filters.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Matches_in_memory_what_the_sql_answers(string name)
    {
        var filter = Filters[name];
        Assert.Equal(await InMemoryAsync(filter), await FromDatabaseAsync(filter));
    }

    /// <summary>The table is not trivially agreed: the filters pick out different, non-empty, partial sets.</summary>
    [Fact]
    public async Task The_filters_tell_the_reviews_apart()
    {
        var all = (await InMemoryAsync(new ReviewFilter())).Count;
        var sizes = new List<int>();
        foreach (var filter in Filters.Values) sizes.Add((await FromDatabaseAsync(filter)).Count);
        Assert.True(all > 5, $"The demo data has only {all} published reviews.");
        Assert.Contains(0, sizes);
        Assert.True(sizes.Count(size => size > 0 && size < all) >= 15, $"Too few filters pick out part of the reviews: {string.Join(", ", sizes)}.");
    }

    /// <summary>What a subscription with this filter would be offered: every published review, with its film.</summary>
    private async Task<SortedSet<string>> InMemoryAsync(ReviewFilter filter)
    {
        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var reviews = await session.Query<Review>().ToListAsync();
        var films = (await session.Query<Film>().ToListAsync()).ToDictionary(film => film.Id);
        return [.. reviews.Where(review => review.IsPublished && filter.Matches(review, films[review.FilmId])).Select(review => GlobalId.Encode("Review", review.Id))];
    }

    private async Task<SortedSet<string>> FromDatabaseAsync(ReviewFilter filter)
    {
        var data = await GraphQL.DataAsync(Reviews, new { where = Where(filter) });
        var nodes = data["reviews"]!["nodes"]!.AsArray();
        Assert.True(nodes.Count < 100, "More reviews than one page: page through them.");
        return [.. nodes.Select(node => (string)node!["id"]!)];
    }

    /// <summary>The same filter as a client sends it.</summary>
    private static JsonObject Where(ReviewFilter filter)
    {
        var where = new JsonObject();
        if (filter.Verdict is { } verdict) where["verdict"] = verdict.ToString().ToConstantCase();
        if (filter.Genre is { } genre) where["genre"] = genre;
        if (filter.Certificate is { } certificate) where["certificate"] = certificate.ToString().ToConstantCase();
        if (filter.FilmId is { } filmId) where["filmId"] = filmId;
        if (filter.PersonId is { } personId) where["personId"] = personId;
        if (filter.PublishedAfter is { } after) where["publishedAfter"] = after.ToString("O", CultureInfo.InvariantCulture);
        if (filter.PublishedBefore is { } before) where["publishedBefore"] = before.ToString("O", CultureInfo.InvariantCulture);
        return where;
    }

    private static string Film(string slug) => GlobalId.Encode("Film", DemoIds.For("film", slug));

    private static string Person(string slug) => GlobalId.Encode("Person", DemoIds.For("person", slug));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}
