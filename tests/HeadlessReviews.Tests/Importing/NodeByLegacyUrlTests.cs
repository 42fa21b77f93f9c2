using HeadlessReviews.Api.Importing.LegacyAddresses;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Marten;

namespace HeadlessReviews.Tests.Importing;

/// <summary><c>nodeByLegacyUrl</c>: old addresses of imported items find them, for redirects; nothing else does.</summary>
public sealed class NodeByLegacyUrlTests(ApiFactory api) : ApiTest(api)
{
    private const string Query = "query($url: String!) { nodeByLegacyUrl(url: $url) { __typename ... on Review { slug } } }";

    private async Task<string?> SlugAtAsync(string url, string? token = null) =>
        (string?)(await GraphQL.DataAsync(Query, new { url }, token))["nodeByLegacyUrl"]?["slug"];

    private async Task<Review> RecordAsync(string slug, params string[] urls)
    {
        await using var session = Api.Store.LightweightSession();
        var review = await session.Query<Review>().SingleAsync(r => r.Slug == slug);
        session.Store([.. LegacyAddress.Of("Review", review.Id, urls)]);
        await session.SaveChangesAsync();
        return review;
    }

    [Fact]
    public async Task A_permalink_a_short_link_and_an_old_slug_find_the_review()
    {
        await RecordAsync("her", "https://films.example.org/2014/02/review-her/", "https://films.example.org/?p=2102", "https://films.example.org/2014/02/her-a-review/");

        foreach (var url in new[]
        {
            "https://films.example.org/2014/02/review-her/", "http://films.example.org/2014/02/review-her", "/2014/02/review-her",
            "films.example.org/2014/02/review-her/", "?p=2102", "https://films.example.org/?p=2102&utm_source=feed", "/2014/02/her-a-review",
        })
            Assert.True(await SlugAtAsync(url) == "her", url);
    }

    [Fact]
    public async Task An_unknown_or_meaningless_address_finds_nothing()
    {
        Assert.Null(await SlugAtAsync("https://films.example.org/2099/01/no-such-review/"));
        Assert.Null(await SlugAtAsync("?p=999999"));
        Assert.Null(await SlugAtAsync("javascript:alert(1)"));
        Assert.Null(await SlugAtAsync(""));
    }

    [Fact]
    public async Task The_address_of_an_item_readers_may_not_see_finds_nothing_for_them()
    {
        var her = await RecordAsync("her");
        var draft = new Review { Id = Guid.NewGuid(), Slug = $"legacy-draft-{Guid.NewGuid():N}", Headline = "A draft", FilmId = her.FilmId, Byline = "Test Writer" };
        await using (var session = Api.Store.LightweightSession())
        {
            session.Store(draft);
            session.Store([.. LegacyAddress.Of("Review", draft.Id, ["https://films.example.org/2016/01/a-draft/"])]);
            await session.SaveChangesAsync();
        }
        try
        {
            Assert.Null(await SlugAtAsync("/2016/01/a-draft"));
            Assert.Equal(draft.Slug, await SlugAtAsync("/2016/01/a-draft", ApiFactory.AdminToken));
        }
        finally
        {
            await using var session = Api.Store.LightweightSession();
            session.Delete<Review>(draft.Id);
            await session.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task An_address_longer_than_the_limit_is_a_user_error()
    {
        var response = await GraphQL.PostAsync(Query, new { url = "/" + new string('a', LegacyUrl.MaxLength) });
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
    }
}
