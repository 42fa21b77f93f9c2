using HeadlessReviews.Api.Images;
using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// The attachments of an export, by post id, collected in the first pass (a post's featured image may come anywhere in
/// the file): address, alt text and, from the PHP-serialised metadata, width and height. Nothing is downloaded.
/// </summary>
public sealed class Attachments
{
    private readonly Dictionary<long, (string Url, string? Alt, string? Metadata)> _byId = [];

    public int Count => _byId.Count;

    public void Collect(WxrItem item)
    {
        if (item.PostType != "attachment" || string.IsNullOrWhiteSpace(item.AttachmentUrl)) return;
        _byId[item.PostId] = (item.AttachmentUrl.Trim(), item.Meta.First("_wp_attachment_image_alt"), item.Meta.First(AttachmentMetadata.MetaKey));
    }

    /// <summary>The post's featured image (<c>_thumbnail_id</c>) as a poster, or null; a malformed value is a warning.</summary>
    public ImageInput? FeaturedImageOf(WxrItem post, string altFallback, Func<Uri, Uri>? rewrite, List<string> warnings)
    {
        if (post.Meta.First("_thumbnail_id") is not { } value || !long.TryParse(value.Trim(), out var id) || id <= 0) return null;
        if (!_byId.TryGetValue(id, out var attachment))
        {
            warnings.Add($"Its featured image (attachment {id}) is not in the export: the film has no poster.");
            return null;
        }
        if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            warnings.Add($"Its featured image's address \"{attachment.Url}\" is not an http(s) URL: the film has no poster.");
            return null;
        }
        int? width = null, height = null;
        if (attachment.Metadata is { Length: > 0 } serialized)
        {
            if (AttachmentMetadata.TryRead(serialized, out var metadata, out var error)) (width, height) = (metadata!.Width, metadata.Height);
            else warnings.Add($"The metadata of attachment {id} could not be read ({error}): the poster has no size.");
        }
        var alt = WxrHtmlText.Decode(attachment.Alt ?? "").Trim();
        return new ImageInput
        {
            Url = (rewrite is null ? url : rewrite(url)).AbsoluteUri,
            AltText = alt.Length > 0 ? alt : altFallback,
            Width = width is > 0 and <= 20_000 ? width : null,
            Height = height is > 0 and <= 20_000 ? height : null,
        };
    }
}
