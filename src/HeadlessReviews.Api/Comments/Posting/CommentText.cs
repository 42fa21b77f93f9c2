using System.Globalization;
using System.Text;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>Readers' text as stored: control characters removed, line ends normalised, everything else (accents, CJK, emoji, right-to-left) kept exactly.</summary>
public static class CommentText
{
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
}
