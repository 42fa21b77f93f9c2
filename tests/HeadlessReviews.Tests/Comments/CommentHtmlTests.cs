using AngleSharp.Html.Parser;
using HeadlessReviews.Api.Comments;

namespace HeadlessReviews.Tests.Comments;

public sealed class CommentHtmlTests
{
    [Fact]
    public void Script_quotes_and_ampersands_are_escaped()
    {
        var html = CommentHtml.Render("<script>alert(\"hi\")</script> Tom & Jerry's <b>best</b>");

        Assert.Equal("<p>&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; Tom &amp; Jerry&#39;s &lt;b&gt;best&lt;/b&gt;</p>", html);
    }

    [Fact]
    public void Blank_lines_make_paragraphs_and_single_newlines_line_breaks()
    {
        var html = CommentHtml.Render("Went to see it tonight.\nLoved it.\n\nAlso, the trousers.");

        Assert.Equal("<p>Went to see it tonight.<br>Loved it.</p><p>Also, the trousers.</p>", html);
    }

    [Theory]
    [InlineData("One\r\n\r\nTwo\r\nThree")]
    [InlineData("One\n\n\n\nTwo\nThree")]
    [InlineData("\n\nOne\n\nTwo\nThree\n\n")]
    public void Windows_newlines_and_extra_blank_lines_make_no_empty_paragraphs(string body)
    {
        Assert.Equal("<p>One</p><p>Two<br>Three</p>", CommentHtml.Render(body));
    }

    [Theory]
    [InlineData("https://example.com/her")]
    [InlineData("http://example.com/her")]
    [InlineData("https://example.com/search?q=her&year=2013#reviews")]
    public void Web_links_become_nofollow_links(string url)
    {
        var html = CommentHtml.Render($"My review: {url} (spoilers)");

        var encoded = url.Replace("&", "&amp;", StringComparison.Ordinal);
        Assert.Equal($"<p>My review: <a href=\"{encoded}\" rel=\"nofollow ugc\">{encoded}</a> (spoilers)</p>", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("javascript://example.com/%0Aalert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("DATA:text/html,<script>alert(1)</script>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("javascript:alert('https://example.com/')")]
    [InlineData("vbscript:msgbox(1)")]
    public void Script_and_data_urls_are_never_linked(string body)
    {
        var html = CommentHtml.Render($"Click {body} now");

        var links = new HtmlParser().ParseDocument($"<body>{html}</body>").QuerySelectorAll("a");
        Assert.All(links, link => Assert.Matches("^https?://", link.GetAttribute("href") ?? ""));
        Assert.DoesNotContain(new HtmlParser().ParseDocument($"<body>{html}</body>").Body!.QuerySelectorAll("*"),
            element => element.LocalName is "script" || element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(".", ".")]
    [InlineData(",", ",")]
    [InlineData(";", ";")]
    [InlineData(":", ":")]
    [InlineData("!", "!")]
    [InlineData("?", "?")]
    [InlineData(")", ")")]
    [InlineData("\"", "&quot;")]
    [InlineData("”", "”")]
    [InlineData("...", "...")]
    public void Trailing_punctuation_is_not_part_of_the_link(string punctuation, string shown)
    {
        var html = CommentHtml.Render($"Read it at https://example.com/her{punctuation} Then see it.");

        Assert.Contains($"<a href=\"https://example.com/her\" rel=\"nofollow ugc\">https://example.com/her</a>{shown} Then", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_in_parentheses_ends_before_the_closing_one()
    {
        var html = CommentHtml.Render("(see https://example.com/her)");

        Assert.Equal("<p>(see <a href=\"https://example.com/her\" rel=\"nofollow ugc\">https://example.com/her</a>)</p>", html);
    }

    [Fact]
    public void A_link_ending_in_its_own_parentheses_keeps_them()
    {
        // Wikipedia names films this way; cutting the ")" makes a link to a page that does not exist.
        var html = CommentHtml.Render("The film: https://en.wikipedia.org/wiki/Her_(film)");

        Assert.Contains("href=\"https://en.wikipedia.org/wiki/Her_(film)\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zoë Lefèvre: le dernier plan… magnifique")]
    [InlineData("Ça m'a plu, señor")]
    [InlineData("東京物語より良い映画です")]
    [InlineData("Loved it 🎬🍿 and the view 🌆")]
    [InlineData("👩🏽‍🚀 family: 👨‍👩‍👧")]
    [InlineData("שלום, סרט נהדר")]
    [InlineData("فيلم رائع جدا")]
    [InlineData("English then עברית then English")]
    public void Unicode_text_is_kept_exactly(string body)
    {
        // Nothing here needs escaping: the characters must come back as themselves, not as entities.
        Assert.Equal($"<p>{body.Replace("'", "&#39;", StringComparison.Ordinal)}</p>", CommentHtml.Render(body));
    }

    [Fact]
    public void Unicode_next_to_a_link_is_kept_and_not_linked()
    {
        var html = CommentHtml.Render("Zoë a écrit https://zoe-lefevre.example.net/her 🌆");

        Assert.Equal("<p>Zoë a écrit <a href=\"https://zoe-lefevre.example.net/her\" rel=\"nofollow ugc\">https://zoe-lefevre.example.net/her</a> 🌆</p>", html);
    }
}
