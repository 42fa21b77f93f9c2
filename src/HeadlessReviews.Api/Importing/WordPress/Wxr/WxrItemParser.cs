using System.Xml;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>Reads one &lt;item&gt; element, from its start tag to after its end tag; unknown elements are skipped.</summary>
internal static class WxrItemParser
{
    public static WxrItem Parse(XmlReader reader, XmlCharacterFilter filter)
    {
        var line = WxrXml.LineOf(reader);
        var item = new WxrItem { LineNumber = line };
        var categories = new List<WxrItemCategory>();
        var meta = new List<WxrMeta>();
        var comments = new List<WxrComment>();
        WxrXml.ReadChildren(reader, r =>
        {
            var ns = r.NamespaceURI;
            if (ns.Length == 0) item = ReadRssField(r, item, categories, filter);
            else if (WxrNamespaces.IsWordPress(ns)) item = ReadWordPressField(r, item, meta, comments, filter);
            else if (WxrNamespaces.IsContent(ns) && r.LocalName == "encoded") item = item with { Content = WxrXml.ReadText(r, filter) };
            else if (WxrNamespaces.IsExcerpt(ns) && r.LocalName == "encoded") item = item with { Excerpt = WxrXml.ReadText(r, filter) };
            else if (WxrNamespaces.IsDublinCore(ns) && r.LocalName == "creator") item = item with { Creator = WxrXml.ReadText(r, filter).Trim() };
            else r.Skip();
        });
        return item with { Categories = categories, Meta = new WxrPostMeta(meta), Comments = comments };
    }

    private static WxrItem ReadRssField(XmlReader r, WxrItem item, List<WxrItemCategory> categories, XmlCharacterFilter filter)
    {
        switch (r.LocalName)
        {
            case "title": return item with { Title = WxrXml.ReadText(r, filter) };
            case "link": return item with { Link = WxrXml.ReadText(r, filter).Trim() };
            case "guid": return item with { WordPressGuid = WxrXml.ReadText(r, filter).Trim() };
            case "category":
                var domain = r.GetAttribute("domain") ?? "";
                var nicename = r.GetAttribute("nicename") ?? "";
                categories.Add(new WxrItemCategory(domain, nicename, WxrXml.ReadText(r, filter)));
                return item;
            default:
                r.Skip();
                return item;
        }
    }

    private static WxrItem ReadWordPressField(
        XmlReader r, WxrItem item, List<WxrMeta> meta, List<WxrComment> comments, XmlCharacterFilter filter)
    {
        switch (r.LocalName)
        {
            case "postmeta": meta.Add(ReadMeta(r, filter)); return item;
            case "comment": comments.Add(ReadComment(r, filter)); return item;
        }
        var name = r.LocalName;
        var text = WxrXml.ReadText(r, filter);
        return name switch
        {
            "post_id" => item with { PostId = WxrXml.ParseLong(text) },
            "post_date" => item with { PostDate = WxrDates.Parse(text, DateTimeKind.Unspecified) },
            "post_date_gmt" => item with { PostDateGmt = WxrDates.Parse(text, DateTimeKind.Utc) },
            "post_modified" => item with { PostModified = WxrDates.Parse(text, DateTimeKind.Unspecified) },
            "post_modified_gmt" => item with { PostModifiedGmt = WxrDates.Parse(text, DateTimeKind.Utc) },
            "comment_status" => item with { CommentStatus = text.Trim() },
            "ping_status" => item with { PingStatus = text.Trim() },
            "post_name" => item with { Slug = text.Trim() },
            "status" => item with { Status = text.Trim() },
            "post_parent" => item with { PostParent = WxrXml.ParseLong(text) },
            "menu_order" => item with { MenuOrder = (int)Math.Clamp(WxrXml.ParseLong(text), int.MinValue, int.MaxValue) },
            "post_type" => item with { PostType = text.Trim() },
            "post_password" => item with { PostPassword = text },
            "is_sticky" => item with { IsSticky = WxrXml.ParseLong(text) != 0 },
            "attachment_url" => item with { AttachmentUrl = text.Trim() },
            _ => item,
        };
    }

    private static WxrMeta ReadMeta(XmlReader reader, XmlCharacterFilter filter)
    {
        string key = "", value = "";
        WxrXml.ReadChildren(reader, r =>
        {
            if (!WxrNamespaces.IsWordPress(r.NamespaceURI)) r.Skip();
            else if (r.LocalName == "meta_key") key = WxrXml.ReadText(r, filter);
            else if (r.LocalName == "meta_value") value = WxrXml.ReadText(r, filter);
            else r.Skip();
        });
        return new WxrMeta(key, value);
    }

    private static WxrComment ReadComment(XmlReader reader, XmlCharacterFilter filter)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var meta = new List<WxrMeta>();
        WxrXml.ReadChildren(reader, r =>
        {
            if (!WxrNamespaces.IsWordPress(r.NamespaceURI)) r.Skip();
            else if (r.LocalName == "commentmeta") meta.Add(ReadMeta(r, filter));
            else
            {
                var name = r.LocalName;
                fields[name] = WxrXml.ReadText(r, filter);
            }
        });
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";
        return new WxrComment(
            Id: WxrXml.ParseLong(Field("comment_id")),
            Author: Field("comment_author"),
            AuthorEmail: Field("comment_author_email").Trim(),
            AuthorUrl: Field("comment_author_url").Trim(),
            AuthorIp: Field("comment_author_IP").Trim(),
            Date: WxrDates.Parse(Field("comment_date"), DateTimeKind.Unspecified),
            DateGmt: WxrDates.Parse(Field("comment_date_gmt"), DateTimeKind.Utc),
            Content: Field("comment_content"),
            Approved: Field("comment_approved").Trim(),
            Type: Field("comment_type").Trim(),
            Parent: WxrXml.ParseLong(Field("comment_parent")),
            UserId: WxrXml.ParseLong(Field("comment_user_id")),
            Meta: meta);
    }
}
