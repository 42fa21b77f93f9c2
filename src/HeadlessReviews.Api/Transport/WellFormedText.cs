namespace HeadlessReviews.Api.Transport;

/// <summary>What counts as text a client may send: well-formed UTF-16, so it can become UTF-8 for storage.</summary>
public static class WellFormedText
{
    /// <summary>A surrogate without its partner (from an escape such as <c>\ud800</c>) cannot be encoded as UTF-8.</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return true;
        }
        return false;
    }
}
