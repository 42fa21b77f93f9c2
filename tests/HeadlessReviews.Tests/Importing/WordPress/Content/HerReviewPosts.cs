namespace HeadlessReviews.Tests.Importing.WordPress.Content;

/// <summary>The seed's Her review as WordPress stores it: the classic editor's text and the block editor's.</summary>
public static class HerReviewPosts
{
    public const string Synopsis =
        "A man who writes for an online letter company has his life changed when he falls deeply in love with his brand new personalised operating system and struggles with the realities of a human-technology relationship.";

    // Classic editor: no <p> tags, a single newline between facts, bold labels, entities as WordPress writes them.
    public const string Classic =
        """
        <img class="aligncenter size-full wp-image-2103" src="https://popcornandpoop.example/wp-content/uploads/2014/02/her-poster.jpg" alt="Poster for 2014 romantic drama Her" width="300" height="444" />

        <strong>Genre:</strong> Drama
        <strong>Certificate:</strong> 15
        <strong>UK Release Date:</strong> 14th February 2014
        <strong>Runtime:</strong> 126 minutes
        <strong>Director:</strong> Spike Jonze
        <strong>Writer:</strong> Spike Jonze
        <strong>Starring:</strong> Joaquin Phoenix, Scarlett Johansson, Amy Adams, Rooney Mara
        <strong>Synopsis:</strong> A man who writes for an online letter company has his life changed when he falls deeply in love with his brand new personalised operating system and struggles with the realities of a human-technology relationship.

        The last of the Best Picture nominees for the 2014 Oscars to get a UK release, Spike Jonze&#8217;s techno-romance <em>Her</em> snuck into a fairly limited number of screens in time for Valentine&#8217;s Day. At a time when films are either light-hearted or full of ideas, but never both, <em>Her</em> is a refreshing combination of the two that turns out to be deftly brilliant.

        <!--more-->

        Theodore Twombly (Joaquin Phoenix) writes sickly romantic love notes for as he tries to get over his split from wife Catherine (Rooney Mara). He eventually comes across a new, personalised operating system and finds himself falling for his individual system, named Samantha (Scarlett Johansson).

        <blockquote>"I think anybody who falls in love is a freak. It&#8217;s a crazy thing to do. It&#8217;s kind of like a form of socially acceptable insanity."</blockquote>

        Whether it&#8217;s basking in hazy joy or wallowing in harrowing darkness, <em>Her</em> is a film that manages to feel otherworldly and completely familiar at the same time. Roll on Oscar night.

        <h3>Pop or Poop?</h3>
        <strong>Rating: Pop!</strong>

        The fact that <em>Her</em> manages to marry its offbeat tone with huge mainstream appeal says everything you need to know about how great a piece of work it is.

        But the most impressive thing about <em>Her</em> is how perfectly judged it is on the part of auteur Spike Jonze.

        <em>Do you agree with my review? Let me know in the comments section.</em>
        """;

    // Block editor: delimiters with JSON attributes, real HTML inside, a pull-quote block, an image block by id.
    public const string Blocks =
        """
        <!-- wp:image {"id":2103,"sizeSlug":"full"} -->
        <figure class="wp-block-image size-full"><img src="https://popcornandpoop.example/wp-content/uploads/2014/02/her-poster.jpg" alt="Poster for 2014 romantic drama Her" class="wp-image-2103"/></figure>
        <!-- /wp:image -->

        <!-- wp:paragraph -->
        <p><strong>Genre</strong>: Drama<br><strong>Certificate</strong>: 15<br><strong>UK Release Date</strong>: 14th February 2014<br><strong>Runtime</strong>: 126 minutes<br><strong>Director</strong>: Spike Jonze<br><strong>Writer</strong>: Spike Jonze<br><strong>Starring</strong>: Joaquin Phoenix, Scarlett Johansson, Amy Adams, Rooney Mara<br><strong>Synopsis</strong>: A man who writes for an online letter company has his life changed when he falls deeply in love with his brand new personalised operating system and struggles with the realities of a human-technology relationship.</p>
        <!-- /wp:paragraph -->

        <!-- wp:paragraph -->
        <p>The last of the Best Picture nominees for the 2014 Oscars to get a UK release, Spike Jonze&#8217;s techno-romance <em>Her</em> snuck into a fairly limited number of screens in time for Valentine&#8217;s Day.</p>
        <!-- /wp:paragraph -->

        <!-- wp:more -->
        <!--more-->
        <!-- /wp:more -->

        <!-- wp:paragraph -->
        <p>Theodore Twombly (Joaquin Phoenix) writes sickly romantic love notes
        for as he tries to get over his split from wife Catherine (Rooney Mara).</p>
        <!-- /wp:paragraph -->

        <!-- wp:pullquote -->
        <figure class="wp-block-pullquote"><blockquote><p>I think anybody who falls in love is a freak. It’s a crazy thing to do.</p><cite>Amy</cite></blockquote></figure>
        <!-- /wp:pullquote -->

        <!-- wp:heading {"level":2} -->
        <h2 class="wp-block-heading">Pop or Poop?</h2>
        <!-- /wp:heading -->

        <!-- wp:paragraph -->
        <p>Rating: Pop!</p>
        <!-- /wp:paragraph -->

        <!-- wp:paragraph -->
        <p>The fact that <em>Her</em> manages to marry its offbeat tone with huge mainstream appeal says everything you need to know.</p>
        <!-- /wp:paragraph -->

        <!-- wp:paragraph -->
        <p>Do you agree with my review? Let me know in the comments section.</p>
        <!-- /wp:paragraph -->

        <!-- wp:latest-posts {"postsToShow":3} /-->
        """;
}
