namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>The slugs one post has taken in <see cref="TakenSlugs"/>, so they can be given back if it rolls back.</summary>
public sealed class SlugReservations
{
    private readonly List<Action<TakenSlugs>> _undo = [];
    private readonly HashSet<string> _reviews = new(StringComparer.Ordinal);

    internal bool HasReview(string slug) => _reviews.Contains(slug);

    internal void Remember(Action<TakenSlugs> undo) => _undo.Add(undo);

    internal void RememberReview(string slug, Action<TakenSlugs> undo)
    {
        _reviews.Add(slug);
        _undo.Add(undo);
    }

    /// <summary>The undo steps, newest first, and forgets them.</summary>
    internal IEnumerable<Action<TakenSlugs>> Undo()
    {
        var steps = _undo.AsEnumerable().Reverse().ToList();
        _undo.Clear();
        _reviews.Clear();
        return steps;
    }

    /// <summary>The post committed: what it took stays taken.</summary>
    internal void Keep()
    {
        _undo.Clear();
        _reviews.Clear();
    }
}
