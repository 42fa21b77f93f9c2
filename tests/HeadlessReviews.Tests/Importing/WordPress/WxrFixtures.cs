using System.Text;
using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Tests.Importing.WordPress;

/// <summary>The WXR files under Fixtures/, and readers over files or strings.</summary>
internal static class WxrFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Importing", "WordPress", "Fixtures", name);

    public static Stream OpenFile(string name) => File.OpenRead(PathOf(name));

    public static Stream FromText(string xml) => new MemoryStream(Encoding.UTF8.GetBytes(xml));

    /// <summary>Reads the whole file: the header and every item.</summary>
    public static (WxrChannel Channel, List<WxrItem> Items, WxrReader Reader) ReadAll(Stream stream)
    {
        var reader = WxrReader.Open(stream);
        var items = reader.ReadItems().ToList();
        return (reader.Channel, items, reader);
    }

    /// <summary>A minimal export around the given item XML, in the given WordPress namespace.</summary>
    public static string Export(string items, string wpNamespace = "http://wordpress.org/export/1.2/") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wp="{wpNamespace}" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
        <title>Site</title>
        <link>http://site.example</link>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_site_url>http://site.example</wp:base_site_url>
        {items}
        </channel>
        </rss>
        """;
}
