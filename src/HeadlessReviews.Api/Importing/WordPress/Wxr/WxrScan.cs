namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>What a full pass over a WXR file found: totals for progress, and proof that the whole file is readable.</summary>
public sealed record WxrScanSummary(
    WxrChannel Channel,
    int Items,
    int Comments,
    IReadOnlyDictionary<string, int> ItemsByType,
    long RemovedCharacters,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The first pass of an import: reads every item (nothing is kept) and throws <see cref="WxrFormatException"/>
/// if any part of the file is unreadable, before the importer writes anything.
/// </summary>
public static class WxrScan
{
    /// <param name="observe">Sees each item as it is read (an importer collects its attachments there).</param>
    public static WxrScanSummary Validate(Stream stream, Action<WxrItem>? observe = null, CancellationToken cancellationToken = default)
    {
        using var reader = WxrReader.Open(stream);
        int items = 0, comments = 0;
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in reader.ReadItems(cancellationToken))
        {
            items++;
            observe?.Invoke(item);
            comments += item.Comments.Count;
            byType[item.PostType] = byType.GetValueOrDefault(item.PostType) + 1;
        }
        return new WxrScanSummary(reader.Channel, items, comments, byType, reader.RemovedCharacters, reader.Warnings);
    }
}
