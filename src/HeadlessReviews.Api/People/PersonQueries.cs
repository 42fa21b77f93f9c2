using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.People;

/// <summary>Root fields <c>person</c> and <c>people</c>.</summary>
public sealed class PersonQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        query.Field<PersonType>("person")
            .Description("One person, by `slug` or by global `id`.")
            .Argument<StringGraphType>("slug", "The person's slug: `spike-jonze`.")
            .Argument<IdGraphType>("id", "The person's global id.")
            .ResolveAsync(async context => await SingleLookup.LoadAsync(context, "Person",
                context.RequestServices!.GetRequiredService<PersonIdsBySlugLoader>(), context.RequestServices!.GetRequiredService<PeopleByIdLoader>()));

        query.Field<NonNullGraphType<ConnectionType<PersonType, Person>>>("people")
            .Description("People credited in the catalogue, by name A to Z.")
            .WithPagingArguments()
            .Argument<StringGraphType>("nameContains", "Only people whose name contains this text (any letter case).")
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var page = PageRequest.From(context, services.GetRequiredService<IOptions<PagingSettings>>().Value);
                var list = new KeysetQuery($"{Tables.People} d",
                    [new SortKey("lower(d.data->>'Name')", "text", false), new SortKey("d.id", "uuid", false)], "people:name+") { Data = DocumentJson.RevisionedColumns("d") };
                if (context.GetArgument<string?>("nameContains") is { Length: > 0 } text)
                    list.Where("strpos(lower(d.data->>'Name'), lower(^)) > 0", text);
                return await KeysetPager.PageAsync<Person>(services.GetRequiredService<IQuerySession>(), list, page, context.CancellationToken);
            });
    }
}
