using System.Text;
using System.Xml;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>The two moves the reader makes over a forward-only XmlReader: read an element's text, walk its children.</summary>
internal static class WxrXml
{
    /// <summary>
    /// The element's text with CDATA sections joined (so "]]]]&gt;&lt;![CDATA[&gt;" reads as "]]&gt;");
    /// child elements are skipped rather than failing, since some tools export raw markup. Leaves the reader after the element.
    /// </summary>
    public static string ReadText(XmlReader reader, XmlCharacterFilter filter)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var depth = reader.Depth;
        string? single = null;
        StringBuilder? many = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (single is null) single = reader.Value;
                else (many ??= new StringBuilder(single)).Append(reader.Value);
            }
            if (!reader.Read()) throw new XmlException("Unexpected end of file.");
        }
        reader.Read();
        return filter.Strip(many?.ToString() ?? single ?? "");
    }

    /// <summary>
    /// Calls <paramref name="onChild"/> for each child element, which must consume it (read or <see cref="XmlReader.Skip"/>).
    /// Leaves the reader after the element.
    /// </summary>
    public static void ReadChildren(XmlReader reader, Action<XmlReader> onChild)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element) onChild(reader);
            else if (!reader.Read()) throw new XmlException("Unexpected end of file.");
        }
        reader.Read();
    }

    public static long ParseLong(string text) => long.TryParse(text.Trim(), out var value) ? value : 0;

    public static int LineOf(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;
    public static int PositionOf(XmlReader reader) => reader is IXmlLineInfo info ? info.LinePosition : 0;
}
