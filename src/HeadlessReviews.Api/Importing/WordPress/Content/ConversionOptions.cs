namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>How one post's content is turned into our review parts.</summary>
public sealed record ConversionOptions
{
    public static readonly ConversionOptions Default = new();

    /// <summary>Maps an image's old address to its new one; null keeps every address as it is.</summary>
    public Func<Uri, Uri>? RewriteMediaUrl { get; init; }

    /// <summary>Rewrites images under <c>/wp-content/uploads/</c> to <paramref name="mediaBaseUrl"/> (the path after "uploads/" kept).</summary>
    public static ConversionOptions WithMediaBaseUrl(Uri mediaBaseUrl) => new() { RewriteMediaUrl = MediaBaseUrl.Rewriter(mediaBaseUrl) };
}
