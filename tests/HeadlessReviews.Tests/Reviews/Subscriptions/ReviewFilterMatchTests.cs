using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Tests.Reviews.Subscriptions;

/// <summary><c>ReviewFilter.Matches</c>: the in-memory twin of the filter's SQL, used per subscriber.</summary>
public sealed class ReviewFilterMatchTests
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Film Film = new() { Id = Guid.NewGuid(), Genres = ["Drama", "Romance"], Certificate = Certificate.Fifteen, Cast = [new CastMember(Person, "Lead", 1)] };
    private static readonly Review Review = new()
    {
        Id = Guid.NewGuid(), FilmId = Film.Id, Verdict = new Verdict(VerdictRating.Pop, "Yes."),
        Status = ReviewStatus.Published, PublishedAt = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero),
    };

    public static TheoryData<string, bool> Cases => new()
    {
        { "none", true },
        { "verdict POP", true }, { "verdict POOP", false },
        { "genre drama (any case)", true }, { "genre horror", false },
        { "certificate of the film", true }, { "another certificate", false },
        { "the film", true }, { "another film", false },
        { "a person credited", true }, { "a person not credited", false },
        { "published after, earlier date", true }, { "published after, later date", false },
        { "published before, later date", true }, { "published before, the same instant", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_like_the_sql(string condition, bool expected) => Assert.Equal(expected, Filter(condition).Matches(Review, Film));

    [Fact]
    public void A_date_condition_is_not_met_without_a_publication_date()
    {
        var unpublished = new Review { FilmId = Film.Id, PublishedAt = null };
        Assert.False(new ReviewFilter { PublishedAfter = DateTimeOffset.MinValue }.Matches(unpublished, Film));
    }

    private static ReviewFilter Filter(string condition) => condition switch
    {
        "none" => new(),
        "verdict POP" => new() { Verdict = VerdictRating.Pop },
        "verdict POOP" => new() { Verdict = VerdictRating.Poop },
        "genre drama (any case)" => new() { Genre = "dRAMA" },
        "genre horror" => new() { Genre = "Horror" },
        "certificate of the film" => new() { Certificate = Film.Certificate },
        "another certificate" => new() { Certificate = Certificate.U },
        "the film" => new() { FilmId = GlobalId.Encode("Film", Film.Id) },
        "another film" => new() { FilmId = GlobalId.Encode("Film", Guid.NewGuid()) },
        "a person credited" => new() { PersonId = GlobalId.Encode("Person", Person) },
        "a person not credited" => new() { PersonId = GlobalId.Encode("Person", Guid.NewGuid()) },
        "published after, earlier date" => new() { PublishedAfter = Review.PublishedAt!.Value.AddDays(-1) },
        "published after, later date" => new() { PublishedAfter = Review.PublishedAt!.Value.AddDays(1) },
        "published before, later date" => new() { PublishedBefore = Review.PublishedAt!.Value.AddDays(1) },
        "published before, the same instant" => new() { PublishedBefore = Review.PublishedAt },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };
}
