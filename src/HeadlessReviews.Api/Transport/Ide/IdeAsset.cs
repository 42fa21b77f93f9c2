namespace HeadlessReviews.Api.Transport.Ide;

/// <summary>
/// One built file of the IDE (a script, a stylesheet, a font) with the resource names of its
/// pre-compressed copies, keyed by content coding (<c>br</c>, <c>gzip</c>, <c>identity</c>).
/// File names carry a content hash, so a name never changes meaning and can be cached for good.
/// </summary>
public sealed record IdeAsset(string Name, string ContentType, IReadOnlyDictionary<string, string> ResourceByCoding);
