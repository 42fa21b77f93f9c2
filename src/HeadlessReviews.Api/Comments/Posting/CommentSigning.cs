using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// Signed comment tokens: when the review page was served, so screening can tell a person from a bot
/// that posts the instant the page loads.
/// </summary>
public sealed class CommentSigning(IOptions<CommentSettings> settings, TimeProvider clock)
{
    private readonly byte[] _key = settings.Value.SigningKey is { Length: > 0 } key
        ? SHA256.HashData(Encoding.UTF8.GetBytes(key))
        : RandomNumberGenerator.GetBytes(32);

    /// <summary>A token for a review page, issued now.</summary>
    public string IssueToken(Guid reviewId)
    {
        var payload = new byte[24];
        reviewId.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), clock.GetUtcNow().ToUnixTimeMilliseconds());
        var mac = HMACSHA256.HashData(_key, payload).AsSpan(0, 16);
        return Base64Url.EncodeToString([.. payload, .. mac]);
    }

    /// <summary>How long ago the token was issued for this review; null when it is missing, forged, for another review or expired.</summary>
    public TimeSpan? AgeOf(string? token, Guid reviewId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(token); }
        catch (FormatException) { return null; }
        if (bytes.Length != 40) return null;
        var payload = bytes.AsSpan(0, 24);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload).AsSpan(0, 16), bytes.AsSpan(24))) return null;
        if (new Guid(payload[..16]) != reviewId) return null;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload[16..]));
        return age < TimeSpan.Zero || age > settings.Value.CommentTokenLifetime ? null : age;
    }
}
