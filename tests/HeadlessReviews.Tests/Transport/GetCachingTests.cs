using System.Net;
using System.Net.Http.Headers;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Tests.Infrastructure;
using HeadlessReviews.Tests.Reviews;

namespace HeadlessReviews.Tests.Transport;

/// <summary>
/// GET /graphql is cacheable as the design promises: an anonymous answer without errors carries an
/// ETag and Cache-Control: public, and comes back 304 when the client's copy is still right; a new
/// tag as soon as the content changes; never stored with a token or with errors.
/// </summary>
public sealed class GetCachingTests(ApiFactory api) : ReviewEditingTest(api)
{
    private const string ReviewQuery = "{ review(slug: \"carol\") { headline byline } }";

    [Fact]
    public async Task An_anonymous_GET_has_an_ETag_and_is_answered_304_while_it_holds()
    {
        using var first = await GetAsync(ReviewQuery);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal(["Accept", "Authorization"], first.Headers.Vary);
        var body = await first.Content.ReadAsStringAsync();
        Assert.Contains("\"headline\"", body, StringComparison.Ordinal);

        using var again = await GetAsync(ReviewQuery, ifNoneMatch: etag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal("public, no-cache", again.Headers.CacheControl?.ToString());
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        // The same answer asked for twice has the same tag; a weak copy of it still matches.
        using var third = await GetAsync(ReviewQuery, ifNoneMatch: $"\"other\", W/{etag.Tag}");
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
    }

    [Fact]
    public async Task A_changed_review_gets_a_new_tag_and_a_full_answer()
    {
        var review = await CreateAsync(NewReview(slug: "cached-review"));
        await ChangeAsync("publishReview", At(review));
        const string query = "{ review(slug: \"cached-review\") { headline byline } }";
        using var before = await GetAsync(query);
        var etag = before.Headers.ETag!;

        var current = await GraphQL.DataAsync("{ review(slug: \"cached-review\") { id version } }", token: Editor);
        await ChangeAsync("updateReview", At(current["review"]!, new { byline = "A New Byline" }));

        using var after = await GetAsync(query, ifNoneMatch: etag.Tag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains("A New Byline", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_media_type_has_its_own_tag()
    {
        using var graphQLResponse = await GetAsync(ReviewQuery, accept: GraphQLClient.GraphQLResponse);
        using var json = await GetAsync(ReviewQuery, accept: "application/json");

        Assert.NotEqual(graphQLResponse.Headers.ETag, json.Headers.ETag);
        using var crossed = await GetAsync(ReviewQuery, accept: "application/json", ifNoneMatch: graphQLResponse.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
    }

    [Fact]
    public async Task With_a_token_nothing_is_stored_and_If_None_Match_is_ignored()
    {
        using var anonymous = await GetAsync(ReviewQuery);
        using var withToken = await GetAsync(ReviewQuery, token: Editor, ifNoneMatch: anonymous.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Null(withToken.Headers.ETag);
        Assert.Equal("no-store, private", withToken.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_answer_with_errors_is_never_stored()
    {
        // Anonymous readers may not list API tokens: a field error.
        using var refused = await GetAsync("{ apiTokens { name } }");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(refused.Headers.ETag);
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());

        using var invalid = await GetAsync("{ noSuchField }");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("no-store", invalid.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_answer_names_every_document_it_shows_in_cache_tags()
    {
        using var response = await GetAsync("{ review(slug: \"her\") { headline film { title directors { name } } } }");
        var tags = response.Headers.GetValues("Cache-Tag").Single().Split(',');

        var review = DemoIds.For("review", "her");
        var film = DemoIds.For("film", "her");
        var director = DemoIds.For("person", "spike-jonze");
        string[] expected = ["film", "person", "review", $"film-{film:N}", $"person-{director:N}", $"review-{review:N}"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));
        Assert.Equal(string.Join(' ', tags), response.Headers.GetValues("Surrogate-Key").Single());
    }

    [Fact]
    public async Task A_long_list_of_tags_falls_back_to_kinds()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Http:MaxCacheTagBytes", "64"));
        using var response = await host.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("{ films(first: 10) { nodes { title } } }"));

        Assert.Equal("film", response.Headers.GetValues("Cache-Tag").Single());
    }

    [Fact]
    public async Task POST_answers_carry_no_cache_validators()
    {
        var response = await GraphQL.PostAsync(ReviewQuery);
        Assert.Equal(200, response.Status);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task Max_ages_are_settings()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder
            .UseSetting("HeadlessReviews:Http:GetMaxAge", "00:01:00")
            .UseSetting("HeadlessReviews:Http:GetSharedMaxAge", "00:05:00"));
        using var response = await host.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString(ReviewQuery));

        Assert.Equal("public, max-age=60, s-maxage=300", response.Headers.CacheControl?.ToString());
    }

    private async Task<HttpResponseMessage> GetAsync(string query, string accept = GraphQLClient.GraphQLResponse, string? token = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await GraphQL.Http.SendAsync(request);
    }
}
