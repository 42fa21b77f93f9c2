using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Tests.Importing.WordPress;

public sealed class WxrDialectTests
{
    [Fact]
    public void Version_1_0_with_https_namespaces_and_other_prefixes_is_read()
    {
        using var file = WxrFixtures.OpenFile("wxr-1.0-https.xml");
        var (channel, items, reader) = WxrFixtures.ReadAll(file);
        using var _ = reader;
        Assert.Equal("1.0", channel.WxrVersion);
        Assert.Equal("https://popornot.example", channel.BaseBlogUrl);
        var item = Assert.Single(items);
        Assert.Equal(12, item.PostId);
        Assert.Equal("tomb", item.Creator);
        Assert.Equal("Carl and Russell float away.", item.Content);
        Assert.Equal("Balloons.", item.Excerpt);
        Assert.Equal(new DateTime(2009, 10, 5, 10, 0, 0, DateTimeKind.Utc), item.PostDateGmt);
        Assert.Equal("Review &#8211; Up", item.Title);
        Assert.Equal("Review – Up", WxrHtmlText.Decode(item.Title));
        Assert.Equal([new WxrItemCategory("", "", "Reviews"), new WxrItemCategory("category", "reviews", "Reviews")], item.Categories);
    }

    [Theory]
    [InlineData("http://wordpress.org/export/1.1/")]
    [InlineData("https://wordpress.org/export/1.2/")]
    public void Any_export_namespace_version_and_scheme_is_recognised(string wpNamespace)
    {
        using var stream = WxrFixtures.FromText(WxrFixtures.Export(
            "<item><title>T</title><wp:post_id>5</wp:post_id><wp:post_type>page</wp:post_type></item>", wpNamespace));
        var (_, items, reader) = WxrFixtures.ReadAll(stream);
        using var _r = reader;
        Assert.Equal("page", Assert.Single(items).PostType);
    }

    [Fact]
    public void Character_references_to_forbidden_characters_are_removed_too()
    {
        using var stream = WxrFixtures.FromText(WxrFixtures.Export("<item><title>A&#8;B&#x1B;C</title></item>"));
        var (_, items, reader) = WxrFixtures.ReadAll(stream);
        using var _r = reader;
        Assert.Equal("ABC", Assert.Single(items).Title);
        Assert.Equal(2, reader.RemovedCharacters);
    }

    [Fact]
    public void Unknown_elements_and_namespaces_are_ignored()
    {
        using var stream = WxrFixtures.FromText(WxrFixtures.Export(
            """<item xmlns:x="urn:x"><x:thing><wp:post_id>99</wp:post_id></x:thing><title>Kept</title><wp:future_field><deep/></wp:future_field><wp:post_id>7</wp:post_id></item>"""));
        var (_, items, reader) = WxrFixtures.ReadAll(stream);
        using var _r = reader;
        var item = Assert.Single(items);
        Assert.Equal(7, item.PostId);
        Assert.Equal("Kept", item.Title);
    }

    [Fact]
    public void A_channel_without_items_has_a_header_and_no_items()
    {
        using var stream = WxrFixtures.FromText(WxrFixtures.Export(""));
        var (channel, items, reader) = WxrFixtures.ReadAll(stream);
        using var _r = reader;
        Assert.Equal("Site", channel.Title);
        Assert.Empty(items);
    }

    [Fact]
    public void A_DOCTYPE_with_an_external_entity_is_refused_without_reading_the_file()
    {
        var secret = Path.GetTempFileName();
        try
        {
            File.WriteAllText(secret, "TOP-SECRET");
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY leak SYSTEM "{new Uri(secret).AbsoluteUri}">]>
                """ + "\n" + WxrFixtures.Export("<item><title>&leak;</title></item>")[(WxrFixtures.Export("").IndexOf("<rss", StringComparison.Ordinal))..];
            using var stream = WxrFixtures.FromText(xml);
            var error = Assert.Throws<WxrFormatException>(() => WxrFixtures.ReadAll(stream));
            Assert.DoesNotContain("TOP-SECRET", error.Message);
            Assert.Contains("DTD", error.Reason, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(secret);
        }
    }
}
