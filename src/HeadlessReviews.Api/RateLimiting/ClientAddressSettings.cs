namespace HeadlessReviews.Api.RateLimiting;

/// <summary>The key of client-address hashes, bound from <c>HeadlessReviews:Comments</c> (where comments first needed it).</summary>
public sealed class ClientAddressSettings
{
    public const string Section = "HeadlessReviews:Comments";

    /// <summary>
    /// Secret keying the hashes of client addresses (HMAC-SHA256). Set the same value on every instance,
    /// or floods and rate limits are only seen per instance; unset, each process draws a random key (hashes then change on restart).
    /// </summary>
    public string? AddressHashKey { get; set; }
}
