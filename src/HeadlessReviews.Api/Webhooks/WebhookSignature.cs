using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// The <c>X-HeadlessReviews-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"
/// with the endpoint's secret&gt;</c>. A receiver recomputes it, compares in constant time, and refuses old
/// timestamps, so a captured delivery cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-HeadlessReviews-Signature";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
