using System.Globalization;
using System.Text;
using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>A slug for a post that has none, by <see cref="Slugs"/>' rules, from a title in any script.</summary>
public static class TitleSlug
{
    // Latin letters that Unicode does not decompose into a base letter and an accent.
    private static readonly Dictionary<char, string> UnfoldedLatin = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe", ['ø'] = "o", ['Ø'] = "o", ['ł'] = "l",
        ['Ł'] = "l", ['đ'] = "d", ['Đ'] = "d", ['þ'] = "th", ['Þ'] = "th", ['ð'] = "d", ['ı'] = "i",
    };

    public static string FromTitle(string title)
    {
        var decoded = System.Net.WebUtility.HtmlDecode(title);
        var latin = new StringBuilder();
        foreach (var c in Transliteration.ToLatin(decoded)) latin.Append(UnfoldedLatin.TryGetValue(c, out var s) ? s : c);
        var slug = Slugs.FromText(latin.ToString());
        if (slug != "untitled" || !decoded.Any(char.IsLetterOrDigit)) return slug;
        // A title with no table (Chinese, Korean, kanji alone): its code points are at least unique and stable.
        var points = decoded.EnumerateRunes().Where(Rune.IsLetterOrDigit)
            .Select(r => r.Value.ToString("x", CultureInfo.InvariantCulture));
        return Slugs.FromText(string.Join("-", points));
    }
}
