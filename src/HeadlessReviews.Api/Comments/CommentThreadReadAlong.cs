using System.Data.Common;
using GraphQL;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Storage;
using Weasel.Storage;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// The thread readers see (<see cref="CommentVisibility"/>) of a review looked up by slug, read with the review
/// when the selection set asks for its comments: the review page's comments cost no round trip of their own.
/// Primes <see cref="ApprovedCommentsByReviewLoader"/> with exactly what it would have read.
/// </summary>
public sealed class CommentThreadReadAlong(ApprovedCommentsByReviewLoader threads) : IReviewLookupReadAlong
{
    public bool Asked(IResolveFieldContext context) => SelectionScope.Mentions(context, "comments");

    public string Sql(string review) =>
        $"(select json_agg({DocumentJson.Beside("d")} order by d.posted_at, d.id) from {Tables.Comments} d join {CommentVisibility.Shown($"array[{review}.id]")} s on s.id = d.id)";

    public object? Read(DbDataReader reader, int column, IStorageSerializer serializer) =>
        reader.IsDBNull(column) ? null : serializer.FromJson<List<Versioned<Comment>>>(reader, column).ConvertAll(comment => comment.Value);

    // No row of the thread: no comment readers see.
    public void Received(Review review, object? read) => threads.Prime(review.Id, read as List<Comment> ?? []);
}
