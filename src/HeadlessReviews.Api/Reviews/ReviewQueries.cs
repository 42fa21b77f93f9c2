using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage.Paging;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Reviews;

/// <summary>Root fields <c>review</c> and <c>reviews</c>.</summary>
public sealed class ReviewQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        SingleLookup.AddRootField<ReviewType, Review, ReviewIdsBySlugLoader, ReviewsByIdLoader>(query, "review", "Review",
            "One review, by `slug` or by global `id`; null when there is none the caller may see. A slug the review had when it was renamed after publication still finds it: when the answer's `slug` differs from the one asked for, redirect to it.",
            "The review's slug (`her`), or one it had before a rename.",
            (context, bySlug) => bySlug.AskedBy(context));

        query.Field<NonNullGraphType<ConnectionType<ReviewType, Review>>>("reviews")
            .Description("Published reviews, newest first unless `orderBy` says otherwise.")
            .WithPagingArguments()
            .Argument<ReviewFilterInputType>("where", "Only reviews that meet these conditions.")
            .Argument<ListGraphType<NonNullGraphType<ReviewOrderInputType>>>("orderBy", "Sort keys, most significant first. Default: newest first.")
            .Resolve().WithServices<IOptions<PagingSettings>, Viewer, IQuerySession, IEnumerable<IReviewReadAlong>>().ResolveAsync(async (context, paging, viewer, session, readAlongs) =>
            {
                var page = PageRequests.From(context, paging.Value);
                var cardExcerpts = ReviewCards.LongestExcerpt(context);
                var list = ReviewFilter.Query(viewer, context.GetArgument<List<ReviewOrder>?>("orderBy"), cardExcerpts, ReviewReadAlongs.Of(context, readAlongs));
                context.GetArgument<ReviewFilter?>("where")?.ApplyTo(list);
                var connection = await KeysetPager.PageAsync<Review>(session, list, page, context.CancellationToken);
                foreach (var edge in connection.Edges) edge.Node.ExcerptsUpTo = cardExcerpts;
                return connection;
            });
    }
}
