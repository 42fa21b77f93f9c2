using HeadlessReviews.Api.Importing.WordPress.Import;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>The seed page's export: the Her review with its film, people, poster and comments, as the API serves it.</summary>
public sealed class HerImportTests : IAsyncLifetime
{
    private ImportHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_her_review_is_imported_with_its_film_people_and_comments()
    {
        var report = await _host.ImportAsync(WxrFixtures.PathOf("review-her.xml"));
        Assert.Equal(4, report.Items.Count);
        var her = Assert.Single(report.Items, i => i.WpId == 2102);
        Assert.Equal(ImportOutcome.Imported, her.Outcome);
        Assert.NotNull(her.Id);

        var data = await _host.Client.DataAsync("""
            { review(slug: "review-her") { headline byline publishedAt verdict { rating summary } body { markdown }
                film { title year certificateLabel runtimeMinutes genres poster { url altText width height }
                  directors { name } writers { name } cast { person { name } billing } }
                commentCount comments(first: 10) { nodes { authorName body replies { authorName body } } } } }
            """);
        var review = data["review"]!;
        Assert.Equal("Review – Her", (string)review["headline"]!);
        Assert.Equal("Tom Beasley", (string)review["byline"]!);
        Assert.Equal("POP", (string)review["verdict"]!["rating"]!);
        Assert.Equal(2014, (int)review["film"]!["year"]!);
        Assert.Equal(2, (int)review["commentCount"]!);
        Assert.Equal(4, review["film"]!["cast"]!.AsArray().Count);
        Assert.Equal(1200, (int)review["film"]!["poster"]!["width"]!);
        Assert.Fail(data.ToJsonString());
    }
}
