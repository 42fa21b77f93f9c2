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
            .Resolve().WithServices<IOptions<PagingSettings>, ApprovedCommentsByReviewLoader>().Resolve((context, paging, comments) =>
            {
                var page = PageRequests.From(context, paging.Value);
                return comments.Load(context.Source.Id)
                    .Then(thread => CommentPages.TopLevel(thread, page));
            });
        review.Field<NonNullGraphType<StringGraphType>>("commentToken")
            .Description("Pass this as `commentToken` when posting a comment from this page; it tells screening when the page was served.")
            .Resolve().WithService<CommentSigning>().Resolve((context, signing) => signing.IssueToken(context.Source.Id));
        review.Field<NonNullGraphType<IntGraphType>>("commentCount").Description("How many approved comments the review has, replies included.")
            .Resolve().WithService<CommentCountsLoader>().Resolve((context, counts) => counts.Load(context.Source.Id));
    }
}
