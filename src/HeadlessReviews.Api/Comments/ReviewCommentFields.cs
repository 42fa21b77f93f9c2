using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Reviews;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments;

/// <summary>A review's comments, their count and the token for posting one: fields of <c>Review</c> that belong to comments.</summary>
public sealed class ReviewCommentFields : ITypeFields<ReviewType>
{
    public void AddTo(ReviewType review)
    {
        review.Field<NonNullGraphType<ConnectionType<CommentType, Comment>>>("comments")
            .Description("Readers' approved comments that start a thread, oldest first; replies hang off each comment's `replies`.")
            .WithPagingArguments()
            .Resolve().WithServices<IOptions<PagingSettings>, CommentThreadHeads, CommentThreadPagesLoader>().Resolve((context, paging, heads, pages) =>
            {
                var page = PageRequests.From(context, paging.Value);
                // The review page read the head of the thread with the review: its first page costs nothing more.
                if (heads.Of(context.Source.Id) is { } head && head.Answers(page))
                {
                    var reviewId = context.Source.Id;
                    return DataLoaderResults.FromValue(CommentPages.Of(head.TopLevel, page, token =>
                        head.Complete ? Task.FromResult((long)head.TopLevel.Count) : pages.CountTopLevelAsync(reviewId, token)));
                }
                return pages.Load(new ThreadPageKey(context.Source.Id, page));
            });
        review.Field<NonNullGraphType<StringGraphType>>("commentToken")
            .Description("Pass this as `commentToken` when posting a comment from this page; it tells screening when the page was served.")
            .Resolve().WithService<CommentSigning>().Resolve((context, signing) => signing.IssueToken(context.Source.Id));
        review.Field<NonNullGraphType<IntGraphType>>("commentCount").Description("How many approved comments the review has, replies included.")
            .Resolve().WithService<CommentCountsLoader>().Resolve((context, counts) => counts.Load(context.Source.Id));
    }
}
