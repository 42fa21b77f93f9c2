namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// A number another feature keeps per review in a table of its own (a read model keyed by review id) that the
/// queries loading reviews read in their own round trip, so that the field showing it (<see cref="Field"/>)
/// costs no round trip of its own: the home page's comment counts come with its cards. Registered scoped:
/// <see cref="Received"/> hands each value to the request's loader of that field.
/// </summary>
public interface IReviewReadAlong
{
    /// <summary>The field of <c>Review</c> whose value this is.</summary>
    string Field { get; }

    /// <summary>The value as an SQL <c>int</c> expression of the review row aliased <paramref name="review"/>; it must add no rows (a scalar subquery).</summary>
    string Sql(string review);

    /// <summary>The value read for a review.</summary>
    void Received(Guid reviewId, int value);
}
