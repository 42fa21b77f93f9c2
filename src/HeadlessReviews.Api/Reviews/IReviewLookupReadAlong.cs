using System.Data.Common;
using GraphQL;
using Weasel.Storage;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// Documents another feature keeps about a review, read in the round trip that looks the review up by slug
/// when the selection set below the lookup asks for them: the review page's film, cast and comment thread come
/// with the review itself, one column each. Registered scoped: <see cref="Received"/> primes the request's
/// loaders, so the fields load from them as they always do. A column is read (<see cref="Read"/>) before the
/// review is known to be one the viewer may see, and handed on only if it is.
/// </summary>
public interface IReviewLookupReadAlong
{
    /// <summary>Whether the selection set below the lookup's field asks for what this reads (it may remember how much).</summary>
    bool Asked(IResolveFieldContext context);

    /// <summary>The column, an SQL expression of the review row aliased <paramref name="review"/> (JSON, or null); it must add no rows.</summary>
    string Sql(string review);

    /// <summary>The column of the reader's current row, as <see cref="Received"/> takes it.</summary>
    object? Read(DbDataReader reader, int column, IStorageSerializer serializer);

    /// <summary>What <see cref="Read"/> gave for a review the viewer may see.</summary>
    void Received(Review review, object? read);
}
