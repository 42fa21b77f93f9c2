namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>One wp:postmeta or wp:commentmeta pair, the value as exported (often PHP-serialised, see <see cref="PhpUnserializer"/>).</summary>
public sealed record WxrMeta(string Key, string Value);

/// <summary>An item's postmeta in file order; a key may repeat (WordPress keeps one _wp_old_slug per earlier slug).</summary>
public sealed class WxrPostMeta(IReadOnlyList<WxrMeta> entries)
{
    public static WxrPostMeta Empty { get; } = new([]);

    public IReadOnlyList<WxrMeta> Entries { get; } = entries;

    /// <summary>Every value of <paramref name="key"/>, in file order.</summary>
    public IReadOnlyList<string> Values(string key) =>
        Entries.Where(e => e.Key == key).Select(e => e.Value).ToList();

    /// <summary>The first value of <paramref name="key"/>, or null.</summary>
    public string? First(string key) => Entries.FirstOrDefault(e => e.Key == key)?.Value;
}
