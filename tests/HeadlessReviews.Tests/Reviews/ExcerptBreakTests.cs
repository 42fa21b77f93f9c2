using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>
/// A <c>&lt;!--more--&gt;</c> paragraph in a body (WordPress's "more" tag, kept by the importer, written by editors) ends
/// the excerpt and is not shown: on a review's own page and on a list's card alike, until an edit takes it out.
/// </summary>
public sealed class ExcerptBreakTests(ApiFactory api) : ReviewEditingTest(api)
{
    private const string Body = "The *teaser* of the review.\n\n<!--more-->\n\nWhat comes after the break.";

    [Fact]
    public void The_break_is_not_shown_and_marks_where_the_excerpt_ends()
    {
        var body = ReviewBody.FromMarkdown(Body);

        Assert.Equal("<p>The <em>teaser</em> of the review.</p>\n<p>What comes after the break.</p>\n", body.Html);
        Assert.Equal("The teaser of the review.\n\nWhat comes after the break.", body.Text);
        Assert.Equal("The teaser of the review.".Length, body.ExcerptChars);
        Assert.Equal(Body, body.Markdown);
    }

    [Theory]
    [InlineData("Words.\n\n    <!--more-->\n\nMore words.")] // an indented code block shows it
    [InlineData("Words.\n\n> <!--more-->\n\nMore words.")] // inside a quote: not the document's own
    [InlineData("Words <!--more--> in a line.")]
    public void Only_a_paragraph_of_its_own_is_a_break(string markdown)
    {
        var body = ReviewBody.FromMarkdown(markdown);

        Assert.Null(body.ExcerptChars);
        Assert.Contains("more--", body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excerpt_stops_at_the_break_on_the_page_and_in_lists()
    {
        var input = NewReview("carol", slug: "carol-with-a-break");
        input["body"] = Body;
        var review = await ChangeAsync("publishReview", At(await CreateAsync(input)));

        Assert.Equal("The teaser of the review.", await PageExcerptAsync(2000));
        Assert.Equal("The teaser…", await PageExcerptAsync(12));
        Assert.Equal("The teaser of the review.", await ListExcerptAsync());

        await ChangeAsync("updateReview", At(review, new { body = "The teaser of the review.\n\nWhat comes after the break." }));

        Assert.Equal("The teaser of the review. What comes after the break.", await PageExcerptAsync(2000));
        Assert.Equal("The teaser of the review. What comes after the break.", await ListExcerptAsync());
    }

    private async Task<string> PageExcerptAsync(int length) =>
        (string)(await GraphQL.DataAsync("query($length: Int) { review(slug: \"carol-with-a-break\") { excerpt(length: $length) } }", new { length }))["review"]!["excerpt"]!;

    private async Task<string> ListExcerptAsync()
    {
        var nodes = (await GraphQL.DataAsync("{ reviews(first: 100) { nodes { slug excerpt } } }"))["reviews"]!["nodes"]!.AsArray();
        return (string)nodes.Single(node => (string)node!["slug"]! == "carol-with-a-break")!["excerpt"]!;
    }
}
