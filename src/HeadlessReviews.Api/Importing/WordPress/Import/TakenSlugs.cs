using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Reviews.Editing;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// The slugs of reviews (current and earlier ones), films and people, loaded once when an import starts and kept up to
/// date as it writes, so that a post's new slugs are chosen without a query (by the same rules as
/// <see cref="ReviewSlugs"/> and <see cref="SlugLookup"/>: <see cref="Slugs.Candidates"/>). Sound while the import holds its lock; should an editor take
/// a slug meanwhile, the operation's own check and the unique index still refuse it, and that post is skipped.
/// Shared by the posts in flight at once: a slug is taken the moment a post chooses it (so no two posts choose the
/// same one), and given back when that post rolls back (<see cref="SlugReservations"/>).
/// </summary>
public sealed class TakenSlugs
{
    /// <summary>The owner of a review slug chosen by a post whose review has no id yet.</summary>
    private static readonly Guid Unsaved = Guid.Empty;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Guid> _reviews = new(StringComparer.Ordinal);
    private readonly HashSet<string> _films = new(StringComparer.Ordinal);
    private readonly HashSet<string> _people = new(StringComparer.Ordinal);

    public static async Task<TakenSlugs> LoadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var slugs = new TakenSlugs();
        foreach (var (id, slug) in await session.AdvancedSql.QueryAsync<Guid, string>(
            $"select row(id), row(slug) from {Tables.Reviews} union all select row(id), row(old) from {Tables.Reviews}, unnest(previous_slugs) as old", cancellationToken))
            slugs._reviews.TryAdd(slug, id);
        foreach (var slug in await session.AdvancedSql.QueryAsync<string>($"select slug from {Tables.Films}", cancellationToken)) slugs._films.Add(slug);
        foreach (var slug in await session.AdvancedSql.QueryAsync<string>($"select slug from {Tables.People}", cancellationToken)) slugs._people.Add(slug);
        return slugs;
    }

    /// <summary>The slug, or the first of <c>slug-2</c>, <c>slug-3</c>… that no other review uses or used; taken for the post.</summary>
    public string ReserveReviewSlug(string slug, Guid? ownId, SlugReservations post)
    {
        lock (_lock)
        {
            var chosen = Slugs.Candidates(slug).First(candidate =>
                !_reviews.TryGetValue(candidate, out var owner) || owner == ownId || post.HasReview(candidate));
            SetReview(chosen, ownId ?? Unsaved, post);
            return chosen;
        }
    }

    public string ReserveFilmSlug(string slug, SlugReservations post) => Reserve(_films, slug, post);

    public string ReservePersonSlug(string slug, SlugReservations post) => Reserve(_people, slug, post);

    /// <summary>A saved review's slugs: its current one and those that still lead to it.</summary>
    public void RecordReview(Review review, SlugReservations post)
    {
        lock (_lock)
        {
            SetReview(review.Slug, review.Id, post);
            foreach (var old in review.PreviousSlugs) SetReview(old, review.Id, post);
        }
    }

    /// <summary>Gives back what the post took, newest first: the post rolled back.</summary>
    public void Release(SlugReservations post)
    {
        lock (_lock)
        {
            foreach (var undo in post.Undo()) undo(this);
        }
    }

    private string Reserve(HashSet<string> table, string slug, SlugReservations post)
    {
        lock (_lock)
        {
            var chosen = Slugs.Candidates(slug).First(candidate => !table.Contains(candidate));
            table.Add(chosen);
            post.Remember(_ => table.Remove(chosen));
            return chosen;
        }
    }

    private void SetReview(string slug, Guid owner, SlugReservations post)
    {
        var had = _reviews.TryGetValue(slug, out var previous);
        if (had && previous == owner) return;
        _reviews[slug] = owner;
        post.RememberReview(slug, taken => taken.RestoreReview(slug, had, previous));
    }

    private void RestoreReview(string slug, bool had, Guid previous)
    {
        if (had) _reviews[slug] = previous;
        else _reviews.Remove(slug);
    }
}
