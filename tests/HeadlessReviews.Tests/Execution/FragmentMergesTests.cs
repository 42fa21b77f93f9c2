using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Execution;

/// <summary>
/// A document whose fragments spread each other in long chains is refused in one linear walk before
/// GraphQL.NET's validator, whose overlap rule compares every selection set with every fragment merged
/// into it (a chain of 500 cost it a second), while a page built of nested fragments still runs.
/// </summary>
public sealed class FragmentMergesTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_chain_of_five_hundred_fragments_is_refused_before_the_validator_runs()
    {
        // The unknown field would be the validator's error: a lone error of ours shows it never ran.
        var chain = string.Concat(Enumerable.Range(0, 500).Select(i => $"fragment F{i} on Review {{ ...F{i + 1} }}\n"));
        var refused = await GraphQL.PostAsync($"{{ review(slug: \"her\") {{ ...F0 }} }}\n{chain}fragment F500 on Review {{ headline noSuchField }}");

        Assert.Equal(400, refused.Status);
        Assert.Equal("TOO_MANY_FRAGMENT_MERGES", refused.FirstErrorCode);
        Assert.Single(refused.Errors!);
    }

    [Fact]
    public async Task A_page_of_nested_fragments_runs()
    {
        var answer = await GraphQL.DataAsync("""
            { reviews(first: 3) { nodes { ...Card } } review(slug: "her") { ...Card ...Page } }
            fragment Card on Review { headline ...Byline film { ...FilmCard } }
            fragment Byline on Review { publishedAt ...Verdict }
            fragment Verdict on Review { verdict { rating } }
            fragment FilmCard on Film { title ...FilmMeta }
            fragment FilmMeta on Film { year directors { ...Person } }
            fragment Person on Person { name slug }
            fragment Page on Review { ...Card excerpt(length: 80) film { ...FilmCard cast { person { ...Person } } } }
            """);

        Assert.Equal("Her", (string?)answer["review"]!["film"]!["title"]);
    }

    [Fact]
    public async Task The_limit_is_a_setting()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Execution:MaxFragmentMerges", "3"));
        var client = new GraphQLClient(host.CreateClient());

        Assert.True((await client.PostAsync("{ ...A } fragment A on Query { ...B } fragment B on Query { __typename }")).Errors is null);
        Assert.Equal("TOO_MANY_FRAGMENT_MERGES", (await client.PostAsync("{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { __typename }")).FirstErrorCode);
    }
}
