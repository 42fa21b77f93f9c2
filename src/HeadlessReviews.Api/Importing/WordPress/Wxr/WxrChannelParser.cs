using System.Xml;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>Reads the channel's header elements: wp:author, wp:category, wp:tag and wp:term, each a flat list of wp: fields.</summary>
internal static class WxrChannelParser
{
    public static WxrAuthor ReadAuthor(XmlReader reader, XmlCharacterFilter filter)
    {
        var f = ReadFields(reader, filter);
        return new WxrAuthor(WxrXml.ParseLong(f("author_id")), f("author_login").Trim(), f("author_email").Trim(),
            f("author_display_name"), f("author_first_name"), f("author_last_name"));
    }

    public static WxrCategory ReadCategory(XmlReader reader, XmlCharacterFilter filter)
    {
        var f = ReadFields(reader, filter);
        return new WxrCategory(WxrXml.ParseLong(f("term_id")), f("category_nicename").Trim(), f("category_parent").Trim(),
            f("cat_name"), f("category_description"));
    }

    public static WxrTag ReadTag(XmlReader reader, XmlCharacterFilter filter)
    {
        var f = ReadFields(reader, filter);
        return new WxrTag(WxrXml.ParseLong(f("term_id")), f("tag_slug").Trim(), f("tag_name"), f("tag_description"));
    }

    public static WxrTerm ReadTerm(XmlReader reader, XmlCharacterFilter filter)
    {
        var f = ReadFields(reader, filter);
        return new WxrTerm(WxrXml.ParseLong(f("term_id")), f("term_taxonomy").Trim(), f("term_slug").Trim(),
            f("term_parent").Trim(), f("term_name"), f("term_description"));
    }

    /// <summary>The element's wp: children by local name (termmeta and other nested elements are skipped).</summary>
    private static Func<string, string> ReadFields(XmlReader reader, XmlCharacterFilter filter)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        WxrXml.ReadChildren(reader, r =>
        {
            if (!WxrNamespaces.IsWordPress(r.NamespaceURI) || r.LocalName == "termmeta") r.Skip();
            else
            {
                var name = r.LocalName;
                fields[name] = WxrXml.ReadText(r, filter);
            }
        });
        return name => fields.TryGetValue(name, out var value) ? value : "";
    }
}
