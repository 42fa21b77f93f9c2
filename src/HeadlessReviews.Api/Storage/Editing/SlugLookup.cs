using HeadlessReviews.Api.Editing;
using Marten;

namespace HeadlessReviews.Api.Storage.Editing;

/// <summary>Slugs unique per type: which are taken in a table, and the one to store for a change.</summary>
public static class SlugLookup
{
    /// <summary>
    /// The slug, or the first of <c>slug-2</c>, <c>slug-3</c>… that no other row of the table uses.
    /// The unique index still decides a race between two writers.
    /// </summary>
    public static async Task<string> UniqueAsync(IQuerySession session, string table, string slug, Guid? ownId, CancellationToken cancellationToken)
    {
        var taken = (await session.QueryAsync<string>('^',
            $"select slug from {table} where (slug = ^ or slug like ^) and id <> ^",
            cancellationToken, slug, slug + "-%", ownId ?? Guid.Empty)).ToHashSet(StringComparer.Ordinal);
        return Slugs.Candidates(slug).First(candidate => !taken.Contains(candidate));
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
            if (slug is not null && Slugs.IsValid(slug) && await IsTakenAsync(session, table, slug, ownId, cancellationToken))
                checks.Add("slug", UserErrorCode.SlugTaken, $"Another {noun} has the slug `{slug}`.");
            return slug ?? current;
        }
        return string.IsNullOrEmpty(source) ? current : await UniqueAsync(session, table, Slugs.FromText(source), ownId, cancellationToken);
    }
}
