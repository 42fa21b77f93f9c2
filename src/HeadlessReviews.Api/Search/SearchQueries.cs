using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage.Paging;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Search;

/// <summary>Root field <c>search</c>: ranked full-text search over reviews, films and people, in PostgreSQL.</summary>
public sealed class SearchQueries : IQueryFields
{
    private static readonly SortKey[] Order =
    [
        new("d.rank", "numeric", Descending: true),
        new("d.kind_order", "integer", Descending: false),
        new("d.id", "uuid", Descending: false),
    ];

    public void AddTo(QueryType query)
    {
        query.Field<NonNullGraphType<ConnectionType<SearchResultUnion, object>>>("search")
            .Description("Reviews, films and people matching every word of `query` (as a word or the start of one, any letter case), best match first. A word found in very many documents ranks the first matches of each kind the index yields (2,000 by default), not all of them, so every search costs about the same.")
            .Argument<NonNullGraphType<StringGraphType>>("query", "What to look for: `joaquin`, `her`, `science fiction`. Up to 256 characters.")
            .Argument<IntGraphType>("first", "How many results to return. Default 20, at most 100.")
            .Argument<StringGraphType>("after", "Return the results after this cursor.")
            .Resolve().WithServices<IOptions<PagingSettings>, IOptions<SearchSettings>, IQuerySession, Viewer>().ResolveAsync(async (context, paging, settings, session, viewer) =>
            {
                var page = PageRequests.From(context, paging.Value);
                var tsQuery = SearchTerms.ToTsQuery(context.GetArgument<string>("query"), settings.Value);
                if (tsQuery is null)
                    return new Connection<object>([], new PageInfo(false, false, null, null), _ => Task.FromResult(0L));

                var hits = new KeysetQuery(SearchVectors.Hits(viewer, settings.Value.MaxRankedMatches), Order, "search:rank-,kind+,id+", tsQuery, tsQuery, tsQuery) { Data = SearchVectors.Document };
                var connection = await KeysetPager.PageAsync<SearchHit>(session, hits, page, context.CancellationToken);
                // Reviews come as cards: a field that needs the body loads the whole review.
                foreach (var edge in connection.Edges)
                    if (edge.Node.Review is { } review) review.ExcerptsUpTo = ReviewCards.StoredExcerptLength;
                return new Connection<object>(
                    [.. connection.Edges.Select(edge => new Edge<object>(edge.Cursor, edge.Node.Document))],
                    connection.PageInfo,
                    connection.CountAsync);
            });
    }
}
