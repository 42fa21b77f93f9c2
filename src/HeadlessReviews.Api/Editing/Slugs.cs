using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Editing;

/// <summary>URL-safe names: their form, and how one is made from a title (uniqueness is <see cref="Storage.Editing.SlugLookup"/>'s).</summary>
public static partial class Slugs
{
    public const int MaxLength = 100;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Form();

    public static bool IsValid(string slug) => slug.Length <= MaxLength && Form().IsMatch(slug);

    /// <summary>
    /// The slug, then <c>slug-2</c>, <c>slug-3</c>… (shortened to fit, never ending the shortened part in a hyphen):
    /// the order in which a free one is looked for, for every kind of slug.
    /// </summary>
    public static IEnumerable<string> Candidates(string slug)
    {
        yield return slug;
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            yield return (slug.Length + suffix.Length > MaxLength ? slug[..(MaxLength - suffix.Length)].TrimEnd('-') : slug) + suffix;
        }
    }

    /// <summary>"Wallace &amp; Gromit: The Curse of the Were-Rabbit" → "wallace-gromit-the-curse-of-the-were-rabbit"; accents folded.</summary>
    public static string FromText(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength) result = result[..MaxLength].TrimEnd('-');
        return result.Length == 0 ? "untitled" : result;
    }
}
