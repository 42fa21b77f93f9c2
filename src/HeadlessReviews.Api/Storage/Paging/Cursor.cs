using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Transport;

namespace HeadlessReviews.Api.Storage.Paging;

/// <summary>
/// Opaque cursors: the sort values of one row (as PostgreSQL printed them) and the order they belong to,
/// in base64url. Clients must treat them as opaque; we check them before they reach SQL.
/// </summary>
public static class Cursor
{
    public static string Encode(string signature, string valuesJson) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Tag(signature)}|{valuesJson}"));

    // A short fingerprint of the order keeps cursors small while still telling orders apart.
    private static string Tag(string signature) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(signature)).AsSpan(0, 6));

    /// <summary>The cursor's values as a JSON array, or a user error naming the argument.</summary>
    public static string Decode(string cursor, string argument, string signature, IReadOnlyList<SortKey> order)
    {
        string text;
        try { text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { throw Invalid(argument); }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) throw Invalid(argument);
        if (text[..bar] != Tag(signature))
            throw new UserInputError(argument, $"`{argument}` is a cursor of another list or order; pass a cursor from this connection with the same arguments.");

        var json = text[(bar + 1)..];
        try
        {
            using var values = JsonDocument.Parse(json);
            if (values.RootElement.ValueKind != JsonValueKind.Array || values.RootElement.GetArrayLength() != order.Count)
                throw Invalid(argument);
            var index = 0;
            foreach (var value in values.RootElement.EnumerateArray())
                if (!Fits(value, order[index++].SqlType)) throw Invalid(argument);
        }
        // A lone surrogate escape (\ud800) cannot be read as text, and would fail PostgreSQL's jsonb.
        catch (Exception error) when (error is JsonException or InvalidOperationException) { throw Invalid(argument); }
        return json;
    }

    // A forged value must never become a SQL cast error: accept exactly what PostgreSQL prints.
    private static bool Fits(JsonElement value, string sqlType) => sqlType switch
    {
        "timestamptz" => value.ValueKind == JsonValueKind.String && IsTimestamp(value.GetString()!),
        "date" => value.ValueKind == JsonValueKind.String && (IsInfinity(value.GetString()!)
            || DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
        "uuid" => value.ValueKind == JsonValueKind.String && Guid.TryParseExact(value.GetString(), "D", out _),
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "bigint" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "numeric" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out _),
        _ => value.ValueKind == JsonValueKind.String && value.GetString() is var text
            && !text!.Contains('\0', StringComparison.Ordinal) && !WellFormedText.HasLoneSurrogate(text),
    };

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz"];

    private static bool IsTimestamp(string text) => IsInfinity(text)
        || DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsInfinity(string text) => text is "infinity" or "-infinity";

    /// <summary>The error for a cursor that does not decode, naming the argument.</summary>
    public static UserInputError Invalid(string argument) =>
        new(argument, $"`{argument}` is not a valid cursor; use the `cursor` or `pageInfo` values this API returned.");
}
