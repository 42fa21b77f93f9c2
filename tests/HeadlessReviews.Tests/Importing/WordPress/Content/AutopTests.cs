using HeadlessReviews.Api.Importing.WordPress.Content;

namespace HeadlessReviews.Tests.Importing.WordPress.Content;

public class AutopTests
{
    [Fact]
    public void Blank_lines_make_paragraphs_and_single_newlines_line_breaks()
    {
        Assert.Equal("<p>One<br />\ntwo</p>\n<p>Three</p>", Autop.Apply("One\ntwo\n\n\nThree\n"));
    }

    [Fact]
    public void Pre_is_left_exactly_as_written()
    {
        var html = Autop.Apply("Before\n\n<pre>line 1\n\nline 2\n  indented</pre>\n\nAfter");

        Assert.Equal("<p>Before</p>\n<pre>line 1\n\nline 2\n  indented</pre>\n<p>After</p>", html);
    }

    [Fact]
    public void Lists_and_headings_are_not_wrapped_in_paragraphs()
    {
        var html = Autop.Apply("<h2>Cast</h2>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nAfter the list");

        Assert.Equal("<h2>Cast</h2>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<p>After the list</p>", html);
    }

    [Fact]
    public void Text_inside_a_block_quote_becomes_its_paragraphs()
    {
        Assert.Equal("<blockquote>\n<p>First<br />\nline</p>\n<p>Second</p>\n</blockquote>", Autop.Apply("<blockquote>First\nline\n\nSecond</blockquote>"));
    }

    [Fact]
    public void Comments_stay_out_of_paragraphs()
    {
        Assert.Equal("<p>Intro</p>\n<!--more-->\n<p>Rest</p>", Autop.Apply("Intro\n<!--more-->\nRest"));
    }
}
