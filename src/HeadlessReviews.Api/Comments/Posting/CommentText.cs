using System.Globalization;
using System.Text;
using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// Readers' text as stored: control characters removed, line ends normalised, everything else (accents,
/// CJK, emoji, right-to-left) kept exactly, but for invisible characters that would let a name pass for
/// another or reorder what a reader sees. Lengths count what a reader sees (text elements: an emoji
/// with skin tone or a ZWJ family is one), not UTF-16 units.
/// </summary>
public static class CommentText
{
    /// <summary>
    /// A name: one line, without zero-width characters (U+200B–U+200D, U+2060, U+FEFF) or directional
    /// marks and controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069): "Ann" and "Ann" with
    /// a hidden mark must be the same name, and a name must not turn the text after it around. Only a
    /// joiner inside an emoji sequence stays.
    /// </summary>
    public static string Name(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsInvisible)) return Clean(text, multiline: false);
        var visible = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // A joiner between two emoji draws one emoji (👩‍🚀): it stays; anywhere else it hides.
            if (text[i] == ZeroWidthJoiner && i > 0 && i + 1 < text.Length && EndsEmoji(text[i - 1]) && StartsEmoji(text[i + 1])) visible.Append(text[i]);
            else if (!IsInvisible(text[i])) visible.Append(text[i]);
        }
        return Clean(visible.ToString(), multiline: false);
    }

    /// <summary>
    /// A body: the directional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
    /// removed, as they reorder text beyond where they are typed; joiners and marks stay, since emoji
    /// sequences (👩‍👩‍👧‍👦) and right-to-left or Indic writing need them.
    /// </summary>
    public static string Body(string? text) => Clean(Without(text, IsDirectionalControl), multiline: true);

    /// <summary>The text checked as a required field of at most <paramref name="maxLength"/> text elements; null and a user error when it is not.</summary>
    public static string? Checked(InputChecks checks, string field, string text, int maxLength)
    {
        if (text.All(c => char.IsWhiteSpace(c) || IsInvisible(c)))
        {
            checks.Add(field, UserErrorCode.Required, $"`{field}` is required (invisible characters alone do not count).");
            return null;
        }
        var length = new StringInfo(text).LengthInTextElements;
        if (length > maxLength) checks.Add(field, UserErrorCode.Length, $"`{field}` must be 1 to {maxLength} characters long; it is {length}.");
        return text;
    }

    public static string Clean(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            // In a one-line field (a name, an address) a line break or tab separates words: a space, not nothing.
            if (c is '\n' or '\t') clean.Append(multiline ? c : ' ');
            // Cc: C0/C1 controls, and a stray byte-order mark.
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Control && c != '\uFEFF') clean.Append(c);
        }
        return clean.ToString().Trim();
    }

    public static bool IsInvisible(char c) => c is >= '\u200B' and <= '\u200F' or '\u2060' or '\uFEFF' or '\u061C' || IsDirectionalControl(c);

    public static bool IsDirectionalControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private const char ZeroWidthJoiner = '\u200D';

    // Emoji outside the BMP are surrogate pairs; those inside it (♀, ❤) are symbols; U+FE0F asks for emoji presentation.
    private static bool EndsEmoji(char c) => char.IsLowSurrogate(c) || c == '\uFE0F' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol;

    private static bool StartsEmoji(char c) => char.IsHighSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol;

    private static string? Without(string? text, Func<char, bool> unwanted) =>
        text is null || !text.Any(unwanted) ? text : string.Concat(text.Where(c => !unwanted(c)));
}
