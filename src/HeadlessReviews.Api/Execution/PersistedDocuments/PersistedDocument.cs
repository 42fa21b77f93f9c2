using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>A stored document: its text and whether an admin registered it.</summary>
public sealed partial record PersistedDocument(string Text, bool Trusted)
{
    /// <summary>The id of a text: its SHA-256 as 64 lower-case hex digits, as Apollo's persisted queries and trusted-document tools compute it.</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static bool IsHash(string value) => Hex().IsMatch(value);

    /// <summary>The hash of a document id: <c>sha256:&lt;hex&gt;</c> or the bare hex; null when it is neither.</summary>
    public static string? HashOfId(string id)
    {
        var hash = id.StartsWith(IdPrefix, StringComparison.Ordinal) ? id[IdPrefix.Length..] : id;
        return IsHash(hash) ? hash : null;
    }

    private const string IdPrefix = "sha256:";

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex();
}
