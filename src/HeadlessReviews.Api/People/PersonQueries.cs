using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Paging;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.People;

/// <summary>Root fields <c>person</c> and <c>people</c>.</summary>
public sealed class PersonQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        SingleLookup.AddRootField<PersonType, Person, PersonIdsBySlugLoader, PeopleByIdLoader>(query, "person", "Person",
            "One person, by `slug` or by global `id`.",
            "The person's slug: `spike-jonze`.");

        query.Field<NonNullGraphType<ConnectionType<PersonType, Person>>>("people")
            .Description("People credited in the catalogue, by name A to Z.")
            .WithPagingArguments()
            .Argument<StringGraphType>("nameContains", "Only people whose name contains this text (any letter case).")
            .Resolve().WithServices<IOptions<PagingSettings>, IQuerySession>().ResolveAsync(async (context, paging, session) =>
            {
                var page = PageRequests.From(context, paging.Value);
                var list = new KeysetQuery($"{Tables.People} d",
                    [new SortKey("lower(d.data->>'Name')", "text", false), new SortKey("d.id", "uuid", false)], "people:name+") { Data = DocumentJson.RevisionedColumns("d") };
                if (context.GetArgument<string?>("nameContains") is { Length: > 0 } text)
                    list.Where("strpos(lower(d.data->>'Name'), lower(^)) > 0", text);
                return await KeysetPager.PageAsync<Person>(session, list, page, context.CancellationToken);
            });
    }
}
