using System.Globalization;
using System.Text;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// How names and titles are compared when an import looks for a person or film that exists already: case, accents,
/// typographic quotes and spacing do not count ("Rooney  Mara", "rooney mara" and "Roóney Mara" are one person).
/// </summary>
public static class NameKey
{
    public static string Of(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { space = key.Length > 0; continue; }
            if (space) { key.Append(' '); space = false; }
            key.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }
        return key.ToString().Normalize(NormalizationForm.FormC);
    }
}
