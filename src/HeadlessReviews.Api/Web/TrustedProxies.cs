using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HeadlessReviews.Api.Web;

/// <summary>
/// Which proxies may tell us the client's address. Only those configured: ASP.NET's default of
/// trusting loopback would let anything on the host forge <c>X-Forwarded-For</c> and dodge rate limits.
/// </summary>
public static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions options, string? trusted)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in (trusted ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal)) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else options.KnownProxies.Add(IPAddress.Parse(entry));
        }
    }
}
