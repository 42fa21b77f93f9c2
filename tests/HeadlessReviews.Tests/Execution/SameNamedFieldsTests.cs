using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Execution;

/// <summary>
/// Many fields under one response name are refused in one linear walk before GraphQL.NET's validator,
/// whose overlap rule compares every pair of them (540 differently-argued copies cost it seconds),
/// while a field repeated through a few fragments, as frontends do, still runs.
/// </summary>
public sealed class SameNamedFieldsTests(ApiFactory api) : ApiTest(api)
{
    private const string Code = "TOO_MANY_SAME_NAMED_FIELDS";

    [Fact]
    public async Task Five_hundred_forty_same_named_fields_are_refused_before_the_validator_runs()
    {
        // Under every document bound (about 3,300 tokens); the unknown field would be the validator's
        // error, so a lone error of ours shows the validator never ran.
        var excerpts = string.Join(' ', Enumerable.Range(1, 540).Select(length => $"excerpt(length: {length})"));
        var refused = await GraphQL.PostAsync($"{{ review(slug: \"her\") {{ {excerpts} noSuchField }} }}");

        Assert.Equal(400, refused.Status);
        Assert.Equal(Code, refused.FirstErrorCode);
        Assert.Single(refused.Errors!);
        Assert.Contains("'excerpt'", (string?)refused.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Null(refused.Data);
    }

    [Fact]
    public async Task A_field_repeated_through_three_fragments_runs()
    {
        var answer = await GraphQL.DataAsync("""
            { review(slug: "her") { headline ...Card ...Teaser ...Page } }
            fragment Card on Review { headline film { title } }
            fragment Teaser on Review { headline excerpt(length: 40) }
            fragment Page on Review { headline film { title year } }
            """);

        Assert.Equal("Her", (string?)answer["review"]!["film"]!["title"]);
    }

    [Fact]
    public async Task Fields_merged_from_same_named_fields_and_nested_spreads_count_together()
    {
        // Seven copies of film, each selecting title three times: 21 titles in the merged film.
        var films = string.Concat(Enumerable.Repeat("...F ", 7));
        var merged = await GraphQL.PostAsync($$"""
            { review(slug: "her") { {{films}} } }
            fragment F on Review { film { ...T } }
            fragment T on Film { title title title }
            """);
        Assert.Equal(Code, merged.FirstErrorCode);

        // Each fragment spreads the next twice: 2^8 headlines, found without expanding 2^8 paths.
        var chain = string.Concat(Enumerable.Range(0, 8).Select(i => $"fragment F{i} on Review {{ ...F{i + 1} ...F{i + 1} }} "));
        var doubled = await GraphQL.PostAsync($"{{ review(slug: \"her\") {{ ...F0 }} }} {chain} fragment F8 on Review {{ headline }}");
        Assert.Equal(Code, doubled.FirstErrorCode);
    }

    [Fact]
    public async Task The_limit_is_a_setting()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Execution:MaxFieldsPerResponseName", "2"));
        var client = new GraphQLClient(host.CreateClient());

        Assert.True((await client.PostAsync("{ review(slug: \"her\") { headline headline } }")).Errors is null);
        Assert.Equal(Code, (await client.PostAsync("{ review(slug: \"her\") { headline headline headline } }")).FirstErrorCode);
    }
}
