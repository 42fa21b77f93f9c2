using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.RateLimiting;

/// <summary>
/// Keyed hash of a client address: equal addresses give equal hashes (flood checks, moderators), but
/// without the key nobody can test the 2^32 IPv4 addresses against a stored hash.
/// </summary>
public sealed class ClientAddressHasher
{
    private readonly byte[] _key;

    public ClientAddressHasher(IOptions<ClientAddressSettings> settings)
    {
        var configured = settings.Value.AddressHashKey;
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);
    }

    public string? Hash(string? clientAddress)
    {
        if (string.IsNullOrWhiteSpace(clientAddress)) return null;
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(clientAddress.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(hash);
    }
}
