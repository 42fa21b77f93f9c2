using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HeadlessReviews.Api.Accounts;

/// <summary>
/// Token secrets: 256 random bits, base64url, with a recognisable prefix (so secret scanners and
/// people can tell what leaked); stored and compared only as SHA-256 hashes.
/// </summary>
public static class TokenSecrets
{
    public const string Prefix = "hr_";
    private const int SecretBytes = 32;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The shape every secret we issue has; anything else is malformed and never reaches the database.</summary>
    public static bool IsWellFormed(string secret) =>
        secret.Length is > 16 and < 200 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Constant-time comparison of two hex hashes.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
