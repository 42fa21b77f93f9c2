using System.Globalization;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// The useful part of an attachment's _wp_attachment_metadata: the image's size and its file path under the uploads
/// folder (e.g. "2014/02/her-poster.jpg"). Missing or non-numeric values are null.
/// </summary>
public sealed record AttachmentMetadata(int? Width, int? Height, string? File)
{
    public const string MetaKey = "_wp_attachment_metadata";

    public static bool TryRead(string serialized, out AttachmentMetadata? metadata, out string? error)
    {
        metadata = null;
        if (!PhpUnserializer.TryParse(serialized, out var value, out error)) return false;
        if (value is not PhpArray array)
        {
            error = "attachment metadata is not a PHP array";
            return false;
        }
        metadata = new AttachmentMetadata(ToInt(array["width"]), ToInt(array["height"]), (array["file"] as PhpString)?.Value);
        return true;
    }

    private static int? ToInt(PhpValue? value) => value switch
    {
        PhpInteger i when i.Value is >= 0 and <= int.MaxValue => (int)i.Value,
        PhpString s when int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
