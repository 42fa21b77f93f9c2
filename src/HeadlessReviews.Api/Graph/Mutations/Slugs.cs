using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marten;

namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>URL-safe names: made from titles when not given, unique per type.</summary>
public static partial class Slugs
{
    public const int MaxLength = 100;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Form();

    public static bool IsValid(string slug) => slug.Length <= MaxLength && Form().IsMatch(slug);

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

    /// <summary>
    /// The slug, or the first of <c>slug-2</c>, <c>slug-3</c>… that no other row of the table uses.
    /// The unique index still decides a race between two writers.
    /// </summary>
    public static async Task<string> UniqueAsync(IQuerySession session, string table, string slug, Guid? ownId, CancellationToken cancellationToken)
    {
        var taken = (await session.QueryAsync<string>('^',
            $"select slug from {table} where (slug = ^ or slug like ^) and id <> ^",
            cancellationToken, slug, slug + "-%", ownId ?? Guid.Empty)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = (slug.Length + suffix.Length > MaxLength ? slug[..(MaxLength - suffix.Length)] : slug) + suffix;
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    public static async Task<bool> IsTakenAsync(IQuerySession session, string table, string slug, Guid? ownId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<int>('^', $"select 1 from {table} where slug = ^ and id <> ^", cancellationToken, slug, ownId ?? Guid.Empty)).Count > 0;

    /// <summary>
    /// The slug to store: the one the client asked for (checked for form and uniqueness, never rewritten
    /// silently), else one made unique from <paramref name="source"/> (creation), else the current one.
    /// </summary>
    public static async Task<string> ChooseAsync(IQuerySession session, InputChecks checks, string table, string noun,
        string? requested, string current, string? source, Guid ownId, CancellationToken cancellationToken)
    {
        if (requested is not null)
        {
            var slug = checks.Slug("slug", requested);
            if (slug is not null && IsValid(slug) && await IsTakenAsync(session, table, slug, ownId, cancellationToken))
                checks.Add("slug", UserErrorCode.SlugTaken, $"Another {noun} has the slug `{slug}`.");
            return slug ?? current;
        }
        return string.IsNullOrEmpty(source) ? current : await UniqueAsync(session, table, FromText(source), ownId, cancellationToken);
    }
}
