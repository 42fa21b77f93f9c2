using System.Text.RegularExpressions;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Importing.WordPress.Content;
using HeadlessReviews.Api.Reviews;
using Snapshooter.Xunit;

namespace HeadlessReviews.Tests.Importing.WordPress.Content;

public class HouseFormatTests
{
    private static ConvertedPost Convert(string content) => WordPressPost.Convert(content, ConversionOptions.Default);

    private static void AssertHerFacts(FilmFacts facts)
    {
        Assert.Equal(["Drama"], facts.Genres);
        Assert.Equal(Certificate.Fifteen, facts.Certificate);
        Assert.Equal(new DateOnly(2014, 2, 14), facts.UkReleaseDate);
        Assert.Equal(126, facts.RuntimeMinutes);
        Assert.Equal(["Spike Jonze"], facts.Directors);
        Assert.Equal(["Spike Jonze"], facts.Writers);
        Assert.Equal(["Joaquin Phoenix", "Scarlett Johansson", "Amy Adams", "Rooney Mara"], facts.Starring);
        Assert.Equal(HerReviewPosts.Synopsis, facts.Synopsis);
    }

    [Fact]
    public void Classic_Her_review_gives_facts_verdict_and_body()
    {
        var post = Convert(HerReviewPosts.Classic);

        AssertHerFacts(post.Facts);
        Assert.Equal(VerdictRating.Pop, post.Verdict?.Rating);
        Assert.StartsWith("The fact that Her manages to marry", post.Verdict!.Summary, StringComparison.Ordinal);
        Assert.EndsWith("on the part of auteur Spike Jonze.", post.Verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("\n\nBut the most impressive", post.Verdict.Summary, StringComparison.Ordinal);
        Assert.Equal(["Do you agree with my review? Let me know in the comments section."], post.RemovedBoilerplate);

        var body = ReviewBody.FromMarkdown(post.Markdown);
        Assert.DoesNotContain("Genre", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pop or Poop", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rating", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("agree with my review", body.Text, StringComparison.Ordinal);
        Assert.Contains("<p>The last of the Best Picture nominees for the 2014 Oscars to get a UK release, Spike Jonze’s techno-romance <em>Her</em>", body.Html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://popcornandpoop.example/wp-content/uploads/2014/02/her-poster.jpg\" alt=\"Poster for 2014 romantic drama Her\">", body.Html, StringComparison.Ordinal);
        // The poster, three paragraphs and the pull-quote's own paragraph.
        Assert.Equal(5, Regex.Count(body.Html, "<p>"));
        Assert.Equal(["\"I think anybody who falls in love is a freak. It’s a crazy thing to do. It’s kind of like a form of socially acceptable insanity.\""], body.PullQuotes);
        Assert.StartsWith("![Poster for 2014 romantic drama Her]", post.ExcerptMarkdown, StringComparison.Ordinal);
        Assert.EndsWith("deftly brilliant.", post.ExcerptMarkdown, StringComparison.Ordinal);
        Assert.Equal([new Uri("https://popcornandpoop.example/wp-content/uploads/2014/02/her-poster.jpg")], post.ImageUrls);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void Her_markdown()
    {
        Snapshot.Match(Convert(HerReviewPosts.Classic).Markdown);
    }

    [Fact]
    public void Block_editor_Her_review_gives_the_same_parts()
    {
        var post = Convert(HerReviewPosts.Blocks);

        AssertHerFacts(post.Facts);
        Assert.Equal(new Verdict(VerdictRating.Pop, "The fact that Her manages to marry its offbeat tone with huge mainstream appeal says everything you need to know."), post.Verdict);
        Assert.Equal(["Do you agree with my review? Let me know in the comments section."], post.RemovedBoilerplate);
        var body = ReviewBody.FromMarkdown(post.Markdown);
        Assert.Equal(["I think anybody who falls in love is a freak. It’s a crazy thing to do."], body.PullQuotes);
        Assert.Contains("— Amy", body.Text, StringComparison.Ordinal);
        // Inside a block the HTML is final: a newline in a paragraph is not a line break.
        Assert.Contains("<p>Theodore Twombly (Joaquin Phoenix) writes sickly romantic love notes for as he tries", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pop or Poop", post.Markdown, StringComparison.Ordinal);
        Assert.Equal("![Poster for 2014 romantic drama Her](https://popcornandpoop.example/wp-content/uploads/2014/02/her-poster.jpg)\n\n" +
                     "The last of the Best Picture nominees for the 2014 Oscars to get a UK release, Spike Jonze’s techno-romance *Her* snuck into a fairly limited number of screens in time for Valentine’s Day.",
            post.ExcerptMarkdown);
        Assert.Contains(post.Warnings, w => w.Contains("wp:latest-posts", StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_separated_by_br()
    {
        var post = Convert("<p>Genre: Drama, Romance, Sci-Fi<br />Certificate: 12A<br>Runtime: 2h 6m</p><p>Body.</p>");

        Assert.Equal(["Drama", "Romance", "Sci-Fi"], post.Facts.Genres);
        Assert.Equal(Certificate.TwelveA, post.Facts.Certificate);
        Assert.Equal(126, post.Facts.RuntimeMinutes);
        Assert.Equal("Body.", post.Markdown);
    }

    [Fact]
    public void Facts_in_a_paragraph_each_with_the_colon_inside_or_outside_the_bold()
    {
        var post = Convert("<p><strong>GENRE:</strong> Horror</p>\n<p><b>Certificate</b>: 18</p>\n<p><strong>uk release date:</strong> February 14, 2014</p>\n" +
                           "<p><strong>Directors</strong>: Joel Coen &amp; Ethan Coen</p><p><strong>Writers:</strong> A. Writer, B. Writer and C. Writer</p>\n<p>The review starts.</p>");

        Assert.Equal(["Horror"], post.Facts.Genres);
        Assert.Equal(Certificate.Eighteen, post.Facts.Certificate);
        Assert.Equal(new DateOnly(2014, 2, 14), post.Facts.UkReleaseDate);
        Assert.Equal(["Joel Coen", "Ethan Coen"], post.Facts.Directors);
        Assert.Equal(["A. Writer", "B. Writer", "C. Writer"], post.Facts.Writers);
        Assert.Equal("The review starts.", post.Markdown);
    }

    [Fact]
    public void Facts_lines_then_body_text_in_one_classic_paragraph_keep_the_body_text()
    {
        var post = Convert("Certificate: PG\nUK Release Date: 14 February 2014\nThe review starts here.\n\nSecond paragraph.");

        Assert.Equal(Certificate.PG, post.Facts.Certificate);
        Assert.Equal(new DateOnly(2014, 2, 14), post.Facts.UkReleaseDate);
        Assert.Equal("The review starts here.\n\nSecond paragraph.", post.Markdown);
    }

    [Fact]
    public void Missing_facts_stay_empty_and_unreadable_ones_are_reported()
    {
        var post = Convert("Certificate: X\nStarring: Someone\n\nNo verdict in this one.");

        Assert.Null(post.Facts.Certificate);
        Assert.Null(post.Facts.UkReleaseDate);
        Assert.Null(post.Facts.RuntimeMinutes);
        Assert.Null(post.Facts.Synopsis);
        Assert.Empty(post.Facts.Genres);
        Assert.Empty(post.Facts.Directors);
        Assert.Equal(["Someone"], post.Facts.Starring);
        Assert.Null(post.Verdict);
        Assert.Contains(post.Warnings, w => w.Contains("\"X\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_post_without_the_house_format_is_all_body()
    {
        var post = Convert("Just some thoughts.\n\nRating systems are silly.");

        Assert.True(post.Facts.IsEmpty);
        Assert.Null(post.Verdict);
        Assert.Empty(post.RemovedBoilerplate);
        Assert.Equal("Just some thoughts.\n\nRating systems are silly.", post.Markdown);
    }

    [Fact]
    public void Verdict_as_a_bold_paragraph_with_the_rating_under_a_line_break()
    {
        var post = Convert("Body.\n\n<strong>Pop or Poop?</strong>\nRating: Poop!\n\nA misfire.\n\nDO YOU AGREE WITH MY REVIEW?  Let me know in the comments!");

        Assert.Equal(new Verdict(VerdictRating.Poop, "A misfire."), post.Verdict);
        Assert.Equal("Body.", post.Markdown);
        Assert.Single(post.RemovedBoilerplate);
    }

    [Theory]
    [InlineData("14th February 2014")]
    [InlineData("14 February 2014")]
    [InlineData("February 14, 2014")]
    [InlineData("1st March 2014", 2014, 3, 1)]
    public void Release_dates_as_the_blog_writes_them(string text, int year = 2014, int month = 2, int day = 14)
    {
        Assert.Equal(new DateOnly(year, month, day), FactValues.Date(text));
    }

    [Theory]
    [InlineData("126 minutes", 126)]
    [InlineData("126 mins", 126)]
    [InlineData("2h 6m", 126)]
    [InlineData("2 hours 6 minutes", 126)]
    [InlineData("90", 90)]
    public void Runtimes_in_minutes(string text, int minutes)
    {
        Assert.Equal(minutes, FactValues.RuntimeMinutes(text));
    }

    [Theory]
    [InlineData("U", Certificate.U)]
    [InlineData("PG", Certificate.PG)]
    [InlineData("12a", Certificate.TwelveA)]
    [InlineData("12", Certificate.Twelve)]
    [InlineData("15", Certificate.Fifteen)]
    [InlineData("(18)", Certificate.Eighteen)]
    [InlineData("R18", Certificate.R18)]
    public void Certificates(string text, Certificate certificate)
    {
        Assert.Equal(certificate, FactValues.Certificate(text));
    }

    [Theory]
    [InlineData("Review &#8211; Her", "Her")]
    [InlineData("Review – Her", "Her")]
    [InlineData("review: 12 Years a Slave", "12 Years a Slave")]
    [InlineData("  Review - The Lego Movie", "The Lego Movie")]
    [InlineData("Oscar predictions 2014", null)]
    public void Film_title_from_the_post_title(string postTitle, string? film)
    {
        Assert.Equal(film, ReviewTitle.FilmTitle(postTitle));
    }

    [Fact]
    public void Film_title_with_a_custom_pattern()
    {
        var pattern = new Regex(@"^(?<film>.+?) \(\d{4}\) review$", RegexOptions.IgnoreCase);

        Assert.Equal("Her", ReviewTitle.FilmTitle("Her (2013) Review", pattern));
        Assert.Null(ReviewTitle.FilmTitle("Review – Her", pattern));
    }
}
