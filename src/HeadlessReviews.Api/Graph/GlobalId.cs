using System.Buffers.Text;
using System.Text;

namespace HeadlessReviews.Api.Graph;

/// <summary>
/// Opaque global ids ("Review:…" in base64url): a client stores and passes them back, never parses them.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 128) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(globalId); }
        catch (FormatException) { return false; }
        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Guid.TryParseExact(text[(colon + 1)..], "N", out id)) return false;
        typeName = text[..colon];
        return true;
    }

    /// <summary>The document id behind a global id of the expected type; null when it names something else.</summary>
    public static Guid? DecodeAs(string? globalId, string expectedTypeName) =>
        TryDecode(globalId, out var typeName, out var id) && typeName == expectedTypeName ? id : null;
}
