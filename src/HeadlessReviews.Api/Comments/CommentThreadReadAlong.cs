using System.Data.Common;
using GraphQL;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Storage;
using Microsoft.Extensions.Options;
using Weasel.Storage;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// The head of the thread readers see of a review looked up by slug (<see cref="ThreadHead"/>: the first
/// top-level comments, as many as the largest first page the document asks for and one more, with every
/// reply below them), read with the review when the selection set asks for its comments: the review page's
/// comments cost no round trip of their own, and no more on a review with thousands of them.
/// </summary>
public sealed class CommentThreadReadAlong(CommentThreadHeads heads, CommentRepliesLoader replies, IOptions<PagingSettings> paging) : IReviewLookupReadAlong
{
    // The largest first page asked for by any lookup of the request so far.
    private int _size;

    public bool Asked(IResolveFieldContext context)
    {
        if (CommentPageSizes.LargestFirstPage(context, paging.Value) is not { } size) return false;
        _size = Math.Max(_size, size);
        return true;
    }

    // The size read goes with the rows, so what is received is judged by what was read.
    public string Sql(string review) =>
        $"json_build_object('Size', {_size}, 'Comments', " +
        $"(select json_agg({DocumentJson.Beside("d")} order by d.posted_at, d.id) from {Tables.Comments} d join " +
        CommentVisibility.WithReplies($"(select c.id, c.review_id from {Tables.Comments} c where c.review_id = {review}.id and {CommentVisibility.TopLevel("c")} " +
            $"order by c.posted_at, c.id limit {_size + 1})") +
        " thread on thread.id = d.id))";

    // IsDBNull first, as every column read along: it moves the reader on, closing the last column's stream.
    public object? Read(DbDataReader reader, int column, IStorageSerializer serializer) =>
        reader.IsDBNull(column) ? null : serializer.FromJson<HeadColumn>(reader, column);

    public void Received(Review review, object? read)
    {
        if (read is not HeadColumn head) return;
        // No row of the thread: no comment readers see.
        var thread = head.Comments?.ConvertAll(comment => comment.Value) ?? [];
        replies.PrimeBelow(thread);
        var topLevel = CommentPages.Oldest(thread.Where(comment => comment.ParentId is null)).ToList();
        heads.Add(review.Id, new ThreadHead(topLevel, Complete: topLevel.Count <= head.Size));
    }

    private sealed record HeadColumn(int Size, List<Versioned<Comment>>? Comments);
}
