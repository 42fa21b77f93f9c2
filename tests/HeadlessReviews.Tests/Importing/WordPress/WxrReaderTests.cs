using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Tests.Importing.WordPress;

/// <summary>The review of Her as a WordPress 3.8 export (WXR 1.2) holds it: header, poster, post, comments, a draft, a menu item.</summary>
public sealed class WxrReaderTests : IDisposable
{
    private readonly Stream _file = WxrFixtures.OpenFile("review-her.xml");
    private readonly WxrChannel _channel;
    private readonly List<WxrItem> _items;
    private readonly WxrReader _reader;

    public WxrReaderTests() => (_channel, _items, _reader) = WxrFixtures.ReadAll(_file);

    private WxrItem Review => _items.Single(i => i.PostId == 2102);

    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }

    [Fact]
    public void Channel_header_is_read_before_the_items()
    {
        using var file = WxrFixtures.OpenFile("review-her.xml");
        using var reader = WxrReader.Open(file);
        Assert.Equal("Pop or Poop?", reader.Channel.Title);
        Assert.Equal("http://popornot.example", reader.Channel.Link);
        Assert.Equal("http://popornot.example", reader.Channel.BaseSiteUrl);
        Assert.Equal("http://popornot.example", reader.Channel.BaseBlogUrl);
        Assert.Equal("1.2", reader.Channel.WxrVersion);
    }

    [Fact]
    public void Authors_map_logins_to_display_names_and_emails()
    {
        Assert.Equal(2, _channel.Authors.Count);
        Assert.Equal("tom@popornot.example", _channel.AuthorsByLogin["tomb"].Email);
        Assert.Equal("Tom Beasley", _channel.DisplayNameOf(Review.Creator));
        Assert.Equal("Chlo&#233; O&#039;Brien", _channel.AuthorsByLogin["guest"].DisplayName);
        Assert.Equal("Chloé O'Brien", _channel.DisplayNameOf("guest"));
        Assert.Equal("nobody", _channel.DisplayNameOf("nobody"));
    }

    [Fact]
    public void Categories_tags_and_terms_of_the_channel()
    {
        Assert.Equal(["reviews", "drama"], _channel.Categories.Select(c => c.Nicename));
        Assert.Equal("reviews", _channel.Categories[1].Parent);
        Assert.Equal("Drama", _channel.Categories[1].Name);
        Assert.Equal(new WxrTag(7, "spike-jonze", "Spike Jonze", ""), Assert.Single(_channel.Tags));
        Assert.Equal(new WxrTerm(9, "nav_menu", "main", "", "Main", ""), Assert.Single(_channel.Terms));
    }

    [Fact]
    public void Every_item_is_read_in_file_order()
    {
        Assert.Equal([2101L, 2102, 2150, 2200], _items.Select(i => i.PostId));
        Assert.Equal(["attachment", "post", "post", "nav_menu_item"], _items.Select(i => i.PostType));
    }

    [Fact]
    public void Post_fields_are_read_as_WordPress_wrote_them()
    {
        var review = Review;
        Assert.Equal("Review &#8211; Her", review.Title);
        Assert.Equal("Review – Her", WxrHtmlText.Decode(review.Title));
        Assert.Equal("http://popornot.example/2014/02/review-her/", review.Link);
        Assert.Equal("http://popornot.example/?p=2102", review.WordPressGuid);
        Assert.Equal("review-her", review.Slug);
        Assert.Equal("publish", review.Status);
        Assert.True(review.IsSticky);
        Assert.Equal(0, review.PostParent);
        Assert.Equal("open", review.CommentStatus);
        Assert.Equal(new DateTime(2014, 2, 20, 21, 30, 0, DateTimeKind.Utc), review.PostDateGmt);
        Assert.Equal(DateTimeKind.Utc, review.PostDateGmt!.Value.Kind);
        Assert.Equal(DateTimeKind.Unspecified, review.PostDate!.Value.Kind);
        Assert.Equal(new DateTime(2014, 2, 21, 8, 15, 12), review.PostModified);
        Assert.StartsWith("Spike Jonze&#8217;s techno-romance", review.Excerpt);
        Assert.Contains("<strong>Genre:</strong> Drama\n<strong>Certificate:</strong> 15", review.Content);
        Assert.Contains("<!--more-->", review.Content);
    }

    [Fact]
    public void Split_CDATA_is_joined_back_into_the_original_text()
    {
        Assert.Contains("<code>if (a[b[0]]]> 1) love();</code>", Review.Content);
    }

    [Fact]
    public void Item_categories_keep_domain_nicename_and_label()
    {
        Assert.Equal(
            [
                new WxrItemCategory("category", "reviews", "Reviews"),
                new WxrItemCategory("post_tag", "spike-jonze", "Spike Jonze"),
                new WxrItemCategory("post_tag", "sci-fi-romance", "Sci-fi &amp; romance"),
            ],
            Review.Categories);
    }

    [Fact]
    public void Postmeta_keeps_every_value_of_a_repeated_key_in_order()
    {
        Assert.Equal(["her-review", "her-2014"], Review.Meta.Values("_wp_old_slug"));
        Assert.Equal("2101", Review.Meta.First("_thumbnail_id"));
        Assert.Null(Review.Meta.First("_missing"));
        Assert.Equal(["_thumbnail_id", "_wp_old_slug", "_edit_last", "_wp_old_slug"], Review.Meta.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Attachment_has_its_url_alt_text_and_readable_metadata()
    {
        var poster = _items[0];
        Assert.Equal("http://popornot.example/wp-content/uploads/2014/02/her-poster.jpg", poster.AttachmentUrl);
        Assert.Equal(2102, poster.PostParent);
        Assert.Equal("Poster for 2014 romantic drama Her", poster.Meta.First("_wp_attachment_image_alt"));
        Assert.True(AttachmentMetadata.TryRead(poster.Meta.First(AttachmentMetadata.MetaKey)!, out var metadata, out var error), error);
        Assert.Equal(new AttachmentMetadata(1200, 800, "2014/02/her-poster.jpg"), metadata);
        Assert.Null(Review.AttachmentUrl);
    }

    [Fact]
    public void Comments_keep_their_thread_dates_status_and_commentmeta()
    {
        var comments = Review.Comments;
        Assert.Equal(2, comments.Count);
        var first = comments[0];
        Assert.Equal(58, first.Id);
        Assert.Equal("Jess", first.Author);
        Assert.Equal("jess@mail.example", first.AuthorEmail);
        Assert.Equal("http://jess.example", first.AuthorUrl);
        Assert.Equal("203.0.113.9", first.AuthorIp);
        Assert.Equal(new DateTime(2014, 2, 23, 3, 29, 0, DateTimeKind.Utc), first.DateGmt);
        Assert.Equal("1", first.Approved);
        Assert.Equal("", first.Type);
        Assert.Equal(0, first.Parent);
        Assert.Equal(["akismet_result", "akismet_history"], first.Meta.Select(m => m.Key));
        Assert.Equal("false", first.Meta[0].Value);
        Assert.True(PhpUnserializer.TryParse(first.Meta[1].Value, out var history, out _));
        Assert.Equal(new PhpString("check-ham"), ((PhpArray)history!)["event"]);

        var reply = comments[1];
        Assert.Equal(58, reply.Parent);
        Assert.Equal(1, reply.UserId);
        Assert.Equal("comment", reply.Type);
        Assert.Empty(reply.Meta);
        Assert.Equal("", reply.AuthorUrl);
    }

    [Fact]
    public void Control_characters_are_removed_and_counted_as_a_warning()
    {
        Assert.Contains("liked the cinematography and even", Review.Comments[0].Content);
        Assert.Equal("Thanks Jess [1mglad you liked it!", Review.Comments[1].Content);
        Assert.Equal(2, _reader.RemovedCharacters);
        Assert.Contains("Removed 2 character(s)", Assert.Single(_reader.Warnings));
    }

    [Fact]
    public void A_draft_without_title_content_or_GMT_date_reads_as_empty()
    {
        var draft = _items.Single(i => i.PostId == 2150);
        Assert.Equal("", draft.Title);
        Assert.Equal("", draft.Content);
        Assert.Equal("", draft.Excerpt);
        Assert.Equal("", draft.Slug);
        Assert.Null(draft.PostDateGmt);
        Assert.Equal(new DateTime(2014, 2, 28, 18, 4, 11), draft.PostDate);
        Assert.Empty(draft.Comments);
        Assert.Empty(draft.Meta.Entries);
        Assert.Equal("guest", draft.Creator);
    }

    [Fact]
    public void Items_remember_the_line_they_start_on()
    {
        var lines = File.ReadAllLines(WxrFixtures.PathOf("review-her.xml"));
        Assert.All(_items, item => Assert.Equal("<item>", lines[item.LineNumber - 1].Trim()));
    }

    [Fact]
    public void Scan_counts_items_comments_and_types_of_the_whole_file()
    {
        using var file = WxrFixtures.OpenFile("review-her.xml");
        var summary = WxrScan.Validate(file);
        Assert.Equal(4, summary.Items);
        Assert.Equal(2, summary.Comments);
        Assert.Equal(2, summary.ItemsByType["post"]);
        Assert.Equal(1, summary.ItemsByType["attachment"]);
        Assert.Equal(2, summary.RemovedCharacters);
        Assert.Equal("Pop or Poop?", summary.Channel.Title);
    }

    [Fact]
    public void Items_are_read_once_per_reader()
    {
        Assert.Throws<InvalidOperationException>(() => _reader.ReadItems());
    }
}
