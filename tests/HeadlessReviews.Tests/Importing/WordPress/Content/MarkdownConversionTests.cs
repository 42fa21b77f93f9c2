using HeadlessReviews.Api.Importing.WordPress.Content;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Tests.Importing.WordPress.Content;

public class MarkdownConversionTests
{
    private static ConvertedPost Convert(string content, ConversionOptions? options = null) =>
        WordPressPost.Convert(content, options ?? ConversionOptions.Default);

    private static string Markdown(string content) => Convert(content).Markdown;

    // What a reader gets: the Markdown through the project's own renderer and sanitiser.
    private static string Rendered(string content) => ReviewBody.FromMarkdown(Markdown(content)).Html.Trim();

    [Fact]
    public void Headings_keep_their_level()
    {
        Assert.Equal("## Cast\n\n#### Crew", Markdown("<h2>Cast</h2><h4>Crew</h4>"));
    }

    [Fact]
    public void Emphasis_strong_and_line_breaks()
    {
        Assert.Equal("A *quiet* and **loud**\\\nfilm", Markdown("A <em>quiet </em>and <b>loud</b>\nfilm"));
        Assert.Equal("<p>A <em>quiet</em> and <strong>loud</strong><br>\nfilm</p>", Rendered("A <em>quiet </em>and <b>loud</b>\nfilm"));
    }

    [Fact]
    public void Bold_labels_followed_by_a_word_stay_bold()
    {
        Assert.Equal("<p><strong>Note</strong>:spoilers, <em>really</em>!</p>", Rendered("<strong>Note:</strong>spoilers, <em>really!</em>"));
    }

    [Fact]
    public void Content_in_one_wrapper_div_is_still_read_in_the_house_format()
    {
        var post = Convert("<div class=\"entry\"><p>Genre: Comedy</p><p>Body.</p><h2>Pop or Poop?</h2><p>Rating: Pop!</p><p>Funny.</p></div>");

        Assert.Equal(["Comedy"], post.Facts.Genres);
        Assert.Equal("Funny.", post.Verdict?.Summary);
        Assert.Equal("Body.", post.Markdown);
    }

    [Fact]
    public void Unknown_shortcode_around_text_keeps_the_text()
    {
        var post = Convert("[highlight colour=\"red\"]Must see[/highlight]");

        Assert.Equal("Must see", post.Markdown);
        Assert.Contains(post.Warnings, w => w.Contains("[highlight]", StringComparison.Ordinal));
    }

    [Fact]
    public void Escaped_shortcodes_are_text()
    {
        Assert.Equal("<p>Write [gallery] to show a gallery.</p>", Rendered("Write [[gallery]] to show a gallery."));
    }

    [Fact]
    public void Links_with_titles()
    {
        Assert.Equal("See [the trailer](https://example.com/trailer \"Official\").", Markdown("See <a href=\"https://example.com/trailer\" title=\"Official\">the trailer</a>."));
    }

    [Fact]
    public void Nested_and_ordered_lists()
    {
        var markdown = Markdown("<ol start=\"3\"><li>Third<ul><li>a</li><li>b</li></ul></li><li>Fourth</li></ol>");

        Assert.Equal("3. Third\n   - a\n   - b\n4. Fourth", markdown);
        Assert.Equal("<ol start=\"3\">\n<li>Third\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</li>\n<li>Fourth</li>\n</ol>", ReviewBody.FromMarkdown(markdown).Html.Trim());
    }

    [Fact]
    public void Two_lists_in_a_row_stay_two_lists()
    {
        var html = Rendered("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>");

        Assert.Equal(2, html.Split("<ul>").Length - 1);
        Assert.Equal(2, html.Split("<ol>").Length - 1);
    }

    [Fact]
    public void Linked_images_move_with_their_full_size_file()
    {
        var options = ConversionOptions.WithMediaBaseUrl(new Uri("https://media.example.net"));
        var post = Convert("<a href=\"https://old.example/wp-content/uploads/her-full.jpg\"><img src=\"https://old.example/wp-content/uploads/her.jpg\" alt=\"\"></a> <a href=\"https://old.example/about\">About</a>", options);

        Assert.Equal("[![](https://media.example.net/her.jpg)](https://media.example.net/her-full.jpg) [About](https://old.example/about)", post.Markdown);
    }

    [Fact]
    public void Block_quotes_become_pull_quotes()
    {
        var markdown = Markdown("<blockquote><p>One line.</p><p>Two line.</p></blockquote>");

        Assert.Equal("> One line.\n>\n> Two line.", markdown);
        Assert.Equal(["One line.\n\nTwo line."], ReviewBody.FromMarkdown(markdown).PullQuotes);
    }

    [Fact]
    public void Code_inline_and_preformatted()
    {
        Assert.Equal("Use `x * y`", Markdown("Use <code>x * y</code>"));
        Assert.Equal("```python\nif a:\n\n    b = `c`\n```", Markdown("<pre><code class=\"language-python\">if a:\n\n    b = `c`</code></pre>"));
    }

    [Fact]
    public void Tables_render_as_tables()
    {
        var content = "<table><thead><tr><th>Film</th><th>Rating</th></tr></thead><tbody><tr><td>Her</td><td><strong>Pop</strong></td></tr><tr><td>A | B</td></tr></tbody></table>";

        Assert.Equal("| Film | Rating |\n| --- | --- |\n| Her | **Pop** |\n| A \\| B |  |", Markdown(content));
        var html = Rendered(content);
        Assert.Contains("<th>Film</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td><strong>Pop</strong></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>A | B</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_keep_alt_and_title_and_move_under_the_media_base_url()
    {
        var options = ConversionOptions.WithMediaBaseUrl(new Uri("https://media.example.net/reviews/"));
        var post = Convert("<img src=\"http://old.example/wp-content/uploads/2014/02/her.jpg\" alt=\"Her [poster]\" title=\"The poster\" onerror=\"alert(1)\">", options);

        Assert.Equal("![Her \\[poster\\]](https://media.example.net/reviews/2014/02/her.jpg \"The poster\")", post.Markdown);
        Assert.Equal([new Uri("https://media.example.net/reviews/2014/02/her.jpg")], post.ImageUrls);
    }

    [Fact]
    public void Caption_shortcode_becomes_the_image_with_an_italic_line_under_it()
    {
        var post = Convert("[caption id=\"attachment_7\" align=\"aligncenter\" width=\"300\"]<a href=\"https://x.example/her.jpg\"><img src=\"https://x.example/her.jpg\" alt=\"Poster\" width=\"300\" /></a> The <em>Her</em> poster[/caption]");

        Assert.Equal("![Poster](https://x.example/her.jpg)\\\n*The *Her* poster*", post.Markdown);
        Assert.Contains("<img src=\"https://x.example/her.jpg\" alt=\"Poster\"><br>", ReviewBody.FromMarkdown(post.Markdown).Html.Replace(" />", ">", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void Shortcodes_with_a_url_become_links_and_others_are_reported()
    {
        var post = Convert("Watch:\n\n[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n[youtube https://youtu.be/xyz]\n\n[gallery ids=\"1,2,3\"]\n\n[pollster id=\"4\"]\n\nThe end.");

        Assert.Equal("Watch:\n\n[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n\n[https://youtu.be/xyz](https://youtu.be/xyz)\n\nThe end.", post.Markdown);
        Assert.Contains(post.Warnings, w => w.Contains("[gallery]", StringComparison.Ordinal));
        Assert.Contains(post.Warnings, w => w.Contains("[pollster]", StringComparison.Ordinal));
    }

    [Fact]
    public void Square_brackets_that_are_not_shortcodes_stay_text()
    {
        var post = Convert("He [sic] said [brackets] and [1].");

        Assert.Empty(post.Warnings);
        Assert.Equal("<p>He [sic] said [brackets] and [1].</p>", ReviewBody.FromMarkdown(post.Markdown).Html.Trim());
    }

    [Fact]
    public void Nextpage_is_dropped_with_a_warning()
    {
        var post = Convert("Page one.\n<!--nextpage-->\nPage two.");

        Assert.Equal("Page one.\n\nPage two.", post.Markdown);
        Assert.Contains(post.Warnings, w => w.Contains("nextpage", StringComparison.Ordinal));
    }

    [Fact]
    public void More_splits_the_excerpt_from_the_rest()
    {
        // The body keeps one break, where the excerpt ends; a second "more" tag means nothing.
        var post = Convert("Teaser *with stars*.\n\n<!--more Read the rest-->\n\nThe rest.<!--more-->");

        Assert.Equal("Teaser \\*with stars\\*.", post.ExcerptMarkdown);
        Assert.Equal("Teaser \\*with stars\\*.\n\n<!--more-->\n\nThe rest.", post.Markdown);
        Assert.Null(Convert("No teaser.").ExcerptMarkdown);
        // A break with nothing before or after it ends nothing.
        Assert.Equal("Only text.", Convert("<!--more-->\n\nOnly text.").Markdown);
        Assert.Equal("Only text.", Convert("Only text.\n\n<!--more-->").Markdown);
    }

    [Fact]
    public void Dangerous_markup_never_survives()
    {
        var content = "<p onclick=\"steal()\">Fine <a href=\"javascript:alert(1)\">click</a> <a href=\" JaVaScRiPt:alert(2)\">two</a></p>\n" +
                      "<script>alert('x')</script><style>p{}</style><iframe src=\"https://evil.example\"></iframe>" +
                      "<form action=\"/steal\"><input name=\"q\"></form><object data=\"x.swf\"></object><embed src=\"y.swf\">" +
                      "<img src=\"x\" onerror=\"alert(1)\"><img src=\"javascript:alert(3)\">";
        var post = Convert(content);
        var html = ReviewBody.FromMarkdown(post.Markdown).Html;

        foreach (var bad in new[] { "script", "alert", "style", "iframe", "evil", "form", "steal", "object", "embed", "swf", "onerror", "onclick", "javascript" })
        {
            Assert.DoesNotContain(bad, post.Markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Fine click two", html, StringComparison.Ordinal);
        Assert.Contains(post.Warnings, w => w.Contains("<iframe>", StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_are_decoded()
    {
        Assert.Equal("<p>Tom &amp; Jerry’s “café” — ½ &lt;3 &amp;copy;</p>", Rendered("Tom &amp; Jerry&#8217;s &#8220;caf&eacute;&#8221; &mdash; &frac12; &lt;3 &amp;copy;"));
    }

    [Theory]
    [InlineData("A *stars* title", "<p>A *stars* title</p>")]
    [InlineData("A [brackets](x) title", "<p>A [brackets](x) title</p>")]
    [InlineData("snake_case_name and `ticks` and &lt;http://x.example&gt;", "<p>snake_case_name and `ticks` and &lt;http://x.example&gt;</p>")]
    [InlineData("# not a heading", "<p># not a heading</p>")]
    [InlineData("- not a list", "<p>- not a list</p>")]
    [InlineData("2014. A year", "<p>2014. A year</p>")]
    [InlineData("Back\\slash", "<p>Back\\slash</p>")]
    public void Markdown_characters_in_text_stay_literal(string text, string html)
    {
        Assert.Equal(html, Rendered(text));
    }

    [Fact]
    public void Embed_blocks_and_self_closing_blocks_with_a_url_become_links()
    {
        var content = "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=abc\",\"type\":\"video\"} -->\n" +
                      "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=abc\n</div></figure>\n<!-- /wp:embed -->\n" +
                      "<!-- wp:paragraph --><p>After.</p><!-- /wp:paragraph -->\n<!-- wp:acme/map {\"url\":\"https://maps.example/x\"} /-->";

        Assert.Equal("[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n\nAfter.\n\n[https://maps.example/x](https://maps.example/x)", Markdown(content));
    }

    [Fact]
    public void Block_headings_lists_and_code_keep_their_html()
    {
        var content = "<!-- wp:heading {\"level\":3} --><h3 class=\"wp-block-heading\">Notes</h3><!-- /wp:heading -->\n" +
                      "<!-- wp:list --><ul class=\"wp-block-list\"><!-- wp:list-item --><li>One</li><!-- /wp:list-item --><!-- wp:list-item --><li>Two</li><!-- /wp:list-item --></ul><!-- /wp:list -->\n" +
                      "<!-- wp:code --><pre class=\"wp-block-code\"><code>a\n\nb</code></pre><!-- /wp:code -->";

        Assert.Equal("### Notes\n\n- One\n- Two\n\n```\na\n\nb\n```", Markdown(content));
    }

    [Fact]
    public void Nested_blocks_and_freeform_text_between_blocks()
    {
        var content = "Classic intro\nwith a break.\n\n" +
                      "<!-- wp:columns --><div class=\"wp-block-columns\"><!-- wp:column --><div class=\"wp-block-column\">" +
                      "<!-- wp:paragraph --><p>Left</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div class=\"wp-block-column\">" +
                      "<!-- wp:image {\"url\":\"https://x.example/a.jpg\",\"alt\":\"A\"} /--></div><!-- /wp:column --></div><!-- /wp:columns -->";

        Assert.Equal("Classic intro\\\nwith a break.\n\nLeft\n\n![A](https://x.example/a.jpg)", Markdown(content));
    }

    [Fact]
    public void Empty_content_is_an_empty_post()
    {
        var post = Convert("");

        Assert.Equal("", post.Markdown);
        Assert.True(post.Facts.IsEmpty);
        Assert.Null(post.Verdict);
        Assert.Empty(post.Warnings);
    }
}
