using GraphQL;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// The <see cref="IReviewReadAlong"/> values one query reads: one column beside each review, a JSON array of
/// numbers in the order of the list (Marten reads a column that is not a scalar as JSON), handed out by <see cref="Receive"/>.
/// </summary>
public sealed class ReviewReadAlongs
{
    private readonly IReadOnlyList<IReviewReadAlong> _along;

    private ReviewReadAlongs(IReadOnlyList<IReviewReadAlong> along) => _along = along;

    /// <summary>Every registered value, whatever is asked for: for a lookup of one review, where reading one costs an index probe.</summary>
    public static ReviewReadAlongs All(IEnumerable<IReviewReadAlong> registered) => new([.. registered]);

    /// <summary>
    /// The values whose field the selection set asks for anywhere below the resolving field (a list reads them
    /// for every row, so it reads only what is shown); null when none is.
    /// </summary>
    public static ReviewReadAlongs? Of(IResolveFieldContext context, IEnumerable<IReviewReadAlong> registered)
    {
        var asked = registered.Where(along => SelectionScope.Mentions(context, along.Field)).ToList();
        return asked.Count == 0 ? null : new ReviewReadAlongs(asked);
    }

    /// <summary>The column for the review row aliased <paramref name="review"/>.</summary>
    public string Column(string review) =>
        $"json_build_array({string.Join(", ", _along.Select(along => $"coalesce({along.Sql(review)}, 0)"))})";

    public void Receive(Guid reviewId, int[] values)
    {
        for (var i = 0; i < _along.Count && i < values.Length; i++) _along[i].Received(reviewId, values[i]);
    }
}
