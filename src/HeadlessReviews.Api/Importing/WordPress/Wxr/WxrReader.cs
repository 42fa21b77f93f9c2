using System.Text;
using System.Xml;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// A forward-only reader of one WXR file. <see cref="Open"/> reads the channel header (site, authors, terms: WordPress
/// writes them before the first item) and stops at the first item; <see cref="ReadItems"/> then yields items one at a
/// time, so memory stays flat whatever the file's size. One reader is one pass: an importer that wants to check the
/// whole file first (it must write nothing when the file is broken) runs <see cref="WxrScan"/> over the file, then opens
/// a second reader over it. Synchronous by design: it reads a local (temporary) file, where XmlReader's async API only
/// adds a task per node, and the importer awaits its own writes between items.
/// </summary>
public sealed class WxrReader : IDisposable
{
    private readonly XmlCharacterFilter _filter;
    private readonly XmlReader _xml;
    private int _channelDepth;
    private bool _itemsStarted;

    private WxrReader(Stream stream)
    {
        // The file's declared encoding is not consulted: WordPress exports in the blog charset, UTF-8 on every modern
        // site; a byte-order mark is still honoured.
        _filter = new XmlCharacterFilter(new StreamReader(stream, new UTF8Encoding(false), true, 64 * 1024, leaveOpen: true));
        _xml = XmlReader.Create(_filter, new XmlReaderSettings
        {
            // No DTD, no external entities (XXE): a DOCTYPE is an error, as in WordPress's own importer.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // Forbidden characters are dropped by the filter and counted instead of failing the file.
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    /// <summary>The channel header, known before the first item.</summary>
    public WxrChannel Channel { get; private set; } = null!;

    /// <summary>Characters XML 1.0 forbids that were dropped so far (complete once the items are read).</summary>
    public long RemovedCharacters => _filter.Removed;

    /// <summary>What the consumer should report about the file, once it was read (complete after <see cref="ReadItems"/>).</summary>
    public IReadOnlyList<string> Warnings => RemovedCharacters == 0
        ? []
        : [$"Removed {RemovedCharacters} character(s) that XML 1.0 does not allow (control characters such as backspace or escape)."];

    /// <summary>Opens <paramref name="stream"/> (left open) and reads the header; throws <see cref="WxrFormatException"/> when it is not WXR.</summary>
    public static WxrReader Open(Stream stream)
    {
        var reader = new WxrReader(stream);
        try
        {
            reader.Guard(reader.ReadHeader);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The items, in file order; throws <see cref="WxrFormatException"/> where the file stops being readable. Once only.</summary>
    public IEnumerable<WxrItem> ReadItems(CancellationToken cancellationToken = default)
    {
        if (_itemsStarted) throw new InvalidOperationException("A WxrReader reads its items once; open a new reader for another pass.");
        _itemsStarted = true;
        return Iterate(cancellationToken);
    }

    private IEnumerable<WxrItem> Iterate(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WxrItem? item = null;
            Guard(() => item = ReadNextItem());
            if (item is null) yield break;
            yield return item;
        }
    }

    private void ReadHeader()
    {
        if (!_xml.Read() || _xml.MoveToContent() != XmlNodeType.Element)
            throw Fail("the file holds no XML element");
        if (_xml.LocalName != "rss" || _xml.NamespaceURI.Length != 0)
            throw Fail($"the root element is <{_xml.Name}>, a WXR file starts with <rss>");
        if (!MoveToChildElement("channel")) throw Fail("<rss> has no <channel>");
        _channelDepth = _xml.Depth;

        string title = "", link = "", baseSite = "", baseBlog = "", version = "";
        var authors = new List<WxrAuthor>();
        var categories = new List<WxrCategory>();
        var tags = new List<WxrTag>();
        var terms = new List<WxrTerm>();
        var channelEmpty = _xml.IsEmptyElement;
        _xml.Read();
        while (!channelEmpty && !AtChannelEnd())
        {
            if (_xml.NodeType != XmlNodeType.Element) { Advance(); continue; }
            var ns = _xml.NamespaceURI;
            var name = _xml.LocalName;
            if (ns.Length == 0 && name == "item") break;
            if (ns.Length == 0 && name == "title") title = WxrXml.ReadText(_xml, _filter);
            else if (ns.Length == 0 && name == "link") link = WxrXml.ReadText(_xml, _filter).Trim();
            else if (!WxrNamespaces.IsWordPress(ns)) _xml.Skip();
            else if (name == "wxr_version") version = WxrXml.ReadText(_xml, _filter).Trim();
            else if (name == "base_site_url") baseSite = WxrXml.ReadText(_xml, _filter).Trim();
            else if (name == "base_blog_url") baseBlog = WxrXml.ReadText(_xml, _filter).Trim();
            else if (name == "author") authors.Add(WxrChannelParser.ReadAuthor(_xml, _filter));
            else if (name == "category") categories.Add(WxrChannelParser.ReadCategory(_xml, _filter));
            else if (name == "tag") tags.Add(WxrChannelParser.ReadTag(_xml, _filter));
            else if (name == "term") terms.Add(WxrChannelParser.ReadTerm(_xml, _filter));
            else _xml.Skip();
        }
        if (version.Length == 0)
            throw Fail("the channel has no wp:wxr_version in a wordpress.org/export namespace (a plain RSS feed is not an export)");
        if (!IsVersion(version)) throw Fail($"\"{version}\" is not a WXR version number");
        Channel = new WxrChannel(title, link, baseSite, baseBlog.Length > 0 ? baseBlog : baseSite, version,
            authors, categories, tags, terms);
        if (channelEmpty) FinishDocument();
    }

    /// <summary>Null after the last item, once the rest of the document was read (so a truncated tail still fails).</summary>
    private WxrItem? ReadNextItem()
    {
        while (!_xml.EOF && !AtChannelEnd())
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.Depth == _channelDepth + 1
                && _xml.LocalName == "item" && _xml.NamespaceURI.Length == 0)
                return WxrItemParser.Parse(_xml, _filter);
            // Channel elements after the items are not part of the header: skipped.
            if (_xml.NodeType == XmlNodeType.Element) _xml.Skip();
            else Advance();
        }
        if (!_xml.EOF) FinishDocument();
        return null;
    }

    private void FinishDocument()
    {
        while (_xml.Read()) { }
    }

    private bool AtChannelEnd() => _xml.NodeType == XmlNodeType.EndElement && _xml.Depth == _channelDepth;

    private void Advance()
    {
        if (!_xml.Read()) throw Fail("unexpected end of file");
    }

    private bool MoveToChildElement(string localName)
    {
        if (_xml.IsEmptyElement) return false;
        var depth = _xml.Depth;
        _xml.Read();
        while (!_xml.EOF && _xml.Depth > depth)
        {
            if (_xml.NodeType != XmlNodeType.Element) _xml.Read();
            else if (_xml.LocalName == localName && _xml.NamespaceURI.Length == 0) return true;
            else _xml.Skip();
        }
        return false;
    }

    private static bool IsVersion(string version)
    {
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < version.Length - 1 && version.All(c => char.IsAsciiDigit(c) || c == '.')
            && version.Count(c => c == '.') == 1;
    }

    private WxrFormatException Fail(string reason) =>
        new(reason, WxrXml.LineOf(_xml), WxrXml.PositionOf(_xml));

    /// <summary>XML errors become <see cref="WxrFormatException"/> with the parser's line and position.</summary>
    private void Guard(Action read)
    {
        try
        {
            read();
        }
        catch (XmlException e)
        {
            var reason = e.Message;
            var at = reason.IndexOf(" Line ", StringComparison.Ordinal);
            if (at > 0) reason = reason[..at].TrimEnd();
            // Some XmlExceptions (a prohibited DTD) carry no location; the reader still knows where it is.
            var line = e.LineNumber > 0 ? e.LineNumber : WxrXml.LineOf(_xml);
            var position = e.LineNumber > 0 ? e.LinePosition : WxrXml.PositionOf(_xml);
            throw new WxrFormatException(reason.TrimEnd('.'), line, position, e);
        }
    }

    public void Dispose() => _xml.Dispose();
}
