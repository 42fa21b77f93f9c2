using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// A commenter's website as stored: an absolute http or https URL, normalised by <see cref="Uri"/>
/// (scheme and host lower-cased, an international host as punycode, default port dropped, a bare host
/// given a trailing <c>/</c>, anything outside ASCII percent-encoded). As WordPress does, an address
/// typed without a scheme (<c>example.org/me</c>) is taken as <c>http://</c>. Refused rather than
/// repaired: any other scheme, relative addresses, user names or passwords in the address, hosts
/// without a dot, and quotes, angle brackets, backslashes, white space or control and invisible
/// characters anywhere, so nothing in it can break out of an <c>href</c>.
/// </summary>
public static class AuthorUrl
{
    public const int MaxLength = 2000;

    /// <summary>The normalised URL; null when none was given, or (with a user error) when it is not one.</summary>
    public static string? Normalise(InputChecks checks, string field, string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var url = Parse(text);
        if (url is null)
        {
            checks.Add(field, UserErrorCode.Format, $"`{field}` must be a web address, `https://…` or `http://…`.");
            return null;
        }
        if (url.Length > MaxLength) checks.Add(field, UserErrorCode.Length, $"`{field}` must be at most {MaxLength} characters long; it is {url.Length}.");
        return url;
    }

    private static string? Parse(string text)
    {
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || CommentText.IsInvisible(c) || c is '"' or '\'' or '`' or '<' or '>' or '\\')) return null;
        if (text.StartsWith('/') || text.StartsWith('#') || text.StartsWith('?')) return null;
        var candidate = HasScheme(text) ? text : "http://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        if (uri.UserInfo.Length > 0) return null;
        var host = uri.IdnHost;
        var isAddress = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        if (!isAddress && (uri.HostNameType != UriHostNameType.Dns || !host.Trim('.').Contains('.', StringComparison.Ordinal))) return null;
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme}://{(isAddress ? uri.Host : host)}{port}{uri.PathAndQuery}{uri.Fragment}";
    }

    /// <summary>Starts with <c>scheme:</c> (RFC 3986: a letter, then letters, digits, <c>+ - .</c>).</summary>
    private static bool HasScheme(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(text[0]) && text[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            // `example.org:8080/me` is a host and port, not a scheme.
            && !(colon + 1 < text.Length && char.IsAsciiDigit(text[colon + 1]));
    }
}
