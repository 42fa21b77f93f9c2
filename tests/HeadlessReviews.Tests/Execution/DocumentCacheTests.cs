using HeadlessReviews.Api.Execution;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Execution;

public sealed class DocumentCacheTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_repeated_query_is_parsed_and_validated_once_and_still_answers_with_new_variables()
    {
        var cache = Api.Services.GetRequiredService<DocumentCache>();
        var query = $"query Film($slug: String!) {{ film(slug: $slug) {{ title }} }} # {Guid.NewGuid()}";

        var before = cache.Count;
        var her = await GraphQL.DataAsync(query, new { slug = "her" });
        var afterFirst = cache.Count;
        var arrival = await GraphQL.DataAsync(query, new { slug = "arrival" });

        Assert.Equal(before + 1, afterFirst);
        Assert.Equal(afterFirst, cache.Count);
        Assert.Equal("Her", her["film"]!["title"]!.GetValue<string>());
        Assert.Equal("Arrival", arrival["film"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cached_mutation_document_is_still_refused_by_GET()
    {
        // The cache skips full validation on a hit; the HTTP method rule must run anyway.
        var cache = Api.Services.GetRequiredService<DocumentCache>();
        var mutation = $"mutation {{ revokeApiToken(input: {{ id: \"x\" }}) {{ errors {{ code }} }} }} # {Guid.NewGuid()}";
        var before = cache.Count;
        var post = await GraphQL.PostAsync(mutation);
        Assert.Equal(before + 1, cache.Count);
        Assert.Equal(200, post.Status);

        var get = await GraphQL.GetAsync(mutation);
        Assert.Equal(405, get.Status);
        Assert.Equal("POST", get.ContentHeaders.Allow.Single());
    }

    [Fact]
    public async Task An_invalid_document_is_not_cached()
    {
        var cache = Api.Services.GetRequiredService<DocumentCache>();
        var before = cache.Count;
        var response = await GraphQL.PostAsync($"{{ noSuchField }} # {Guid.NewGuid()}");
        Assert.Equal(400, response.Status);
        Assert.Equal(before, cache.Count);
    }
}
