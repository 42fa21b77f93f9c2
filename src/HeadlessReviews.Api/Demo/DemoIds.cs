using System.Security.Cryptography;
using System.Text;

namespace HeadlessReviews.Api.Demo;

/// <summary>
/// Ids for the demo catalogue, derived from kind and slug so every seed, test and snapshot
/// sees the same Guid for the same film, person, review or comment.
/// </summary>
public static class DemoIds
{
    private static readonly string[] Kinds = ["film", "person", "review", "comment"];

    /// <summary>
    /// The first 16 bytes of SHA-256("headlessreviews-demo:{kind}:{slug}"), with the RFC 4122
    /// version (5) and variant bits set so the value reads as a well-formed name-based Guid.
    /// </summary>
    public static Guid For(string kind, string slug)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        // A typo in the kind would mint an id nothing else points at; fail loudly instead.
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Expected one of: {string.Join(", ", Kinds)}.");
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"headlessreviews-demo:{kind}:{slug}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        // Big-endian so the version nibble lands where RFC 4122 puts it in the printed form (xxxxxxxx-xxxx-5xxx-...).
        return new Guid(bytes, bigEndian: true);
    }
}
