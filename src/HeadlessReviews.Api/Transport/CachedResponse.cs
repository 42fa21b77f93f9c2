namespace HeadlessReviews.Api.Transport;

/// <summary>
/// One stored answer, everything needed to write it again exactly as its miss was written: the media
/// type and body bytes, and for GET the ETag and the <c>Cache-Tag</c> header. <see cref="PurgeTags"/>
/// name what it shows, for invalidation.
/// </summary>
public sealed class CachedResponse(string mediaType, byte[] body, string? etag, IReadOnlyList<string> headerTags, IReadOnlyCollection<string> purgeTags)
{
    public string MediaType { get; } = mediaType;
    public byte[] Body { get; } = body;
    public string? ETag { get; } = etag;
    public IReadOnlyList<string> HeaderTags { get; } = headerTags;
    public IReadOnlyCollection<string> PurgeTags { get; } = purgeTags;

    internal string Key { get; set; } = "";
    internal long ExpiresAt { get; set; }
    internal long Bytes { get; set; }
    internal LinkedListNode<CachedResponse>? Node { get; set; }
}
