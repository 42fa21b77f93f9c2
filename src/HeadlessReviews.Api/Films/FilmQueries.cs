using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Storage.Paging;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Films;

/// <summary>Root fields <c>film</c> and <c>films</c>.</summary>
public sealed class FilmQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        SingleLookup.AddRootField<FilmType, Film, FilmIdsBySlugLoader, FilmsByIdLoader>(query, "film", "Film",
            "One film, by `slug` or by global `id`.",
            "The film's slug: `her`.");

        query.Field<NonNullGraphType<ConnectionType<FilmType, Film>>>("films")
            .Description("Films of the catalogue, by title unless `orderBy` says otherwise.")
            .WithPagingArguments()
            .Argument<FilmFilterInputType>("where", "Only films that meet these conditions.")
            .Argument<ListGraphType<NonNullGraphType<FilmOrderInputType>>>("orderBy", "Sort keys, most significant first. Default: title A to Z.")
            .Resolve().WithServices<IOptions<PagingSettings>, IQuerySession>().ResolveAsync(async (context, paging, session) =>
            {
                var page = PageRequests.From(context, paging.Value);
                var list = FilmFilter.Query(context.GetArgument<List<FilmOrder>?>("orderBy"));
                context.GetArgument<FilmFilter?>("where")?.ApplyTo(list);
                return await KeysetPager.PageAsync<Film>(session, list, page, context.CancellationToken);
            });
    }
}
