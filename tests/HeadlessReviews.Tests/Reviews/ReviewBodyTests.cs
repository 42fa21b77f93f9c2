using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Reviews;

public sealed class ReviewBodyTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public void Paragraphs_emphasis_and_links_render_as_html()
    {
        var body = ReviewBody.FromMarkdown("Spike Jonze's *Her* is **tender**.\n\nWatch [the trailer](https://example.com/her).");

        Assert.Equal(
            "<p>Spike Jonze's <em>Her</em> is <strong>tender</strong>.</p>\n" +
            "<p>Watch <a href=\"https://example.com/her\">the trailer</a>.</p>\n",
            body.Html);
    }

    public static TheoryData<string> HostileMarkdown => new()
    {
        "<script>alert(1)</script>",
        "Before <script>alert(1)</script> after.",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1)  )",
        "[click](<javascript:alert(1)>)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "![poster](javascript:alert(1))",
        "![poster](x \"onerror=alert(1)\")",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "*<b onmouseover=alert(1)>bold</b>*",
    };

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void Raw_html_and_script_links_are_rendered_inert(string markdown)
    {
        var html = ReviewBody.FromMarkdown(markdown).Html;
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);

        // Parse what a browser would: escaped text is harmless, elements and attributes are not.
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, element => element.LocalName is "script" or "iframe" or "svg" or "object" or "embed" or "style");
        foreach (var attribute in elements.SelectMany(element => element.Attributes))
        {
            Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Event handler {attribute.Name} survived in {html}");
            var value = Regex.Replace(attribute.Value, @"\s", "").ToUpperInvariant();
            Assert.False(value.StartsWith("JAVASCRIPT:", StringComparison.Ordinal) || value.StartsWith("DATA:", StringComparison.Ordinal),
                $"A {attribute.Name}=\"{attribute.Value}\" survived in {html}");
        }
    }

    [Fact]
    public void Block_quotes_become_plain_text_pull_quotes_in_order()
    {
        var body = ReviewBody.FromMarkdown(
            "Opening paragraph.\n\n" +
            "> *Her* is not a **warning** about [machines](https://example.com/ai).\n\n" +
            "Middle paragraph.\n\n" +
            "> A second quote.");

        Assert.Equal(["Her is not a warning about machines.", "A second quote."], body.PullQuotes);
    }

    [Fact]
    public void A_pull_quote_wrapped_over_two_lines_stays_one_paragraph()
    {
        var body = ReviewBody.FromMarkdown("> Two great actors circling each other\n> like dogs that cannot decide.");

        var quote = Assert.Single(body.PullQuotes);
        Assert.DoesNotContain("\n\n", quote, StringComparison.Ordinal);
        Assert.Equal("Two great actors circling each other like dogs that cannot decide.", Regex.Replace(quote, @"\s+", " "));
    }

    [Fact]
    public void The_demo_review_of_her_has_its_pull_quote()
    {
        var her = DemoReviews.Build().Single(review => review.Slug == "her");

        Assert.Equal(
            ["Her is not a warning about machines; it is about how hard it is to let anyone, or anything, really know you."],
            her.Body.PullQuotes);
    }

    [Fact]
    public void Text_is_plain_with_paragraphs_separated_by_a_blank_line()
    {
        var body = ReviewBody.FromMarkdown("First *paragraph* with a [link](https://example.com/her).\n\nSecond **paragraph**.");

        Assert.Equal("First paragraph with a link.\n\nSecond paragraph.", body.Text);
    }

    [Fact]
    public void A_paragraph_wrapped_over_two_lines_is_one_paragraph_of_text()
    {
        var body = ReviewBody.FromMarkdown("Joaquin Phoenix plays Theodore,\nwho writes letters for strangers.\n\nScarlett Johansson is Samantha.");

        var paragraphs = body.Text.Split("\n\n");
        Assert.Equal(2, paragraphs.Length);
        Assert.Equal("Joaquin Phoenix plays Theodore, who writes letters for strangers.", Regex.Replace(paragraphs[0], @"\s+", " "));
        Assert.Equal("Scarlett Johansson is Samantha.", paragraphs[1]);
    }

    [Fact]
    public void Demo_review_text_holds_no_markdown()
    {
        foreach (var review in DemoReviews.Build())
        {
            Assert.DoesNotContain("*", review.Body.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("](", review.Body.Text, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("(^|\n)>"), review.Body.Text);
            Assert.DoesNotContain("\n\n\n", review.Body.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Excerpt_cuts_at_a_word_boundary_with_an_ellipsis()
    {
        Assert.Equal("Joaquin Phoenix…", Excerpt.Of("Joaquin Phoenix plays Theodore Twombly.", 20));
        Assert.Equal("Her…", Excerpt.Of("Her, a love story.", 6));
    }

    [Fact]
    public void Excerpt_reads_only_the_start_of_a_long_text_and_gives_what_the_whole_would()
    {
        // Paragraph breaks everywhere, so that some fall across the point where the excerpt stops reading.
        var random = new Random(16);
        string[] pieces = ["\n\n", " ", "a", "love", "story", ".", "\n\n\n"];
        for (var sample = 0; sample < 300; sample++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => pieces[random.Next(pieces.Length)]));
            for (var length = 1; length <= 60; length++)
            {
                var whole = text.Replace("\n\n", " ", StringComparison.Ordinal);
                var expected = whole.Length <= length ? whole : WholeTextExcerpt(whole, length);
                Assert.Equal(expected, Excerpt.Of(text, length));
            }
        }

        // The rule applied to the whole text at once.
        static string WholeTextExcerpt(string whole, int length)
        {
            var cut = whole.LastIndexOf(' ', length - 1);
            if (cut <= 0) cut = length - 1;
            return whole[..cut].TrimEnd(',', ';', ':', '.', ' ', '–', '-') + "…";
        }
    }

    [Fact]
    public void Excerpt_of_a_short_text_is_the_whole_text_on_one_line()
    {
        Assert.Equal("Tender. Funny.", Excerpt.Of("Tender.\n\nFunny.", 200));
        Assert.Equal("Tender.", Excerpt.Of("Tender.", 7));
    }

    [Fact]
    public void Excerpt_never_exceeds_the_length_and_never_splits_a_word()
    {
        var text = DemoReviews.Build().Single(review => review.Slug == "her").Body.Text;
        var flat = text.Replace("\n\n", " ", StringComparison.Ordinal);

        for (var length = 10; length < 700; length++)
        {
            var excerpt = Excerpt.Of(text, length);

            Assert.True(excerpt.Length <= length, $"length {length}: {excerpt.Length} characters");
            Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
            var kept = excerpt[..^1];
            Assert.StartsWith(kept, flat, StringComparison.Ordinal);
            Assert.False(char.IsLetterOrDigit(flat[kept.Length]), $"length {length} cut a word: \"{excerpt}\"");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2001)]
    [InlineData(5000)]
    public async Task Excerpt_length_out_of_range_is_a_user_error(int length)
    {
        var response = await GraphQL.PostAsync("query($length: Int) { review(slug: \"her\") { excerpt(length: $length) } }", new { length });

        Assert.Equal(200, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("2000", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(200, true)]
    [InlineData(2000, false)]
    public async Task Excerpt_length_in_range_is_honoured(int length, bool cut)
    {
        var data = await GraphQL.DataAsync("query($length: Int) { review(slug: \"her\") { excerpt(length: $length) body { text } } }", new { length });

        var excerpt = data["review"]!["excerpt"]!.GetValue<string>();
        var text = data["review"]!["body"]!["text"]!.GetValue<string>().Replace("\n\n", " ", StringComparison.Ordinal);
        Assert.InRange(excerpt.Length, 1, length);
        // The review of Her is about 1,900 characters: 2000 holds all of it.
        if (cut)
        {
            Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
            Assert.StartsWith(excerpt[..^1], text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(text, excerpt);
        }
    }
}
