using System.Text;
using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Tests.Importing.WordPress;

public sealed class WxrFormatErrorTests
{
    private static WxrFormatException ReadFails(Stream stream) =>
        Assert.Throws<WxrFormatException>(() => WxrFixtures.ReadAll(stream));

    [Fact]
    public void A_truncated_file_fails_with_the_line_and_position_where_it_stops()
    {
        var bytes = File.ReadAllBytes(WxrFixtures.PathOf("review-her.xml"));
        var text = Encoding.UTF8.GetString(bytes);
        var cut = text.IndexOf("<wp:comment_id>59", StringComparison.Ordinal);
        var expectedLine = text[..cut].Count(c => c == '\n') + 1;
        using var stream = WxrFixtures.FromText(text[..cut]);
        using var reader = WxrReader.Open(stream);
        var items = new List<WxrItem>();
        var error = Assert.Throws<WxrFormatException>(() => items.AddRange(reader.ReadItems()));
        Assert.Single(items);
        Assert.InRange(error.LineNumber, expectedLine - 1, expectedLine + 1);
        Assert.True(error.LinePosition > 0);
        Assert.Contains($"line {error.LineNumber}", error.Message);
    }

    [Fact]
    public void Scan_of_a_truncated_file_fails_before_anything_is_imported()
    {
        var text = File.ReadAllText(WxrFixtures.PathOf("review-her.xml"));
        using var stream = WxrFixtures.FromText(text[..(text.Length - 20)]);
        Assert.Throws<WxrFormatException>(() => WxrScan.Validate(stream));
    }

    [Fact]
    public void A_file_that_is_not_XML_fails_at_line_1()
    {
        var error = ReadFails(WxrFixtures.FromText("{\"posts\": []}"));
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(1, error.LinePosition);
    }

    [Fact]
    public void An_empty_file_fails()
    {
        ReadFails(new MemoryStream());
    }

    [Fact]
    public void A_plain_RSS_feed_is_not_an_export()
    {
        using var file = WxrFixtures.OpenFile("plain-rss.xml");
        var error = ReadFails(file);
        Assert.Contains("wxr_version", error.Reason);
        Assert.Equal(7, error.LineNumber);
    }

    [Fact]
    public void A_wxr_version_outside_the_WordPress_namespace_does_not_count()
    {
        var xml = WxrFixtures.Export("", "http://example.com/not-wordpress/");
        ReadFails(WxrFixtures.FromText(xml));
    }

    [Fact]
    public void A_root_other_than_rss_fails_with_its_name()
    {
        var error = ReadFails(WxrFixtures.FromText("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"));
        Assert.Contains("<feed>", error.Reason);
        Assert.Equal(2, error.LineNumber);
    }
}
