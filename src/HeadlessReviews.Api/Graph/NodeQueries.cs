using GraphQL;
using GraphQL.DataLoader;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph.Paging;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Graph;

/// <summary>Root fields <c>node</c> and <c>nodes</c>: any object by its global id, batched by type.</summary>
public sealed class NodeQueries(IEnumerable<NodeSource> sources) : IQueryFields
{
    private readonly Dictionary<string, NodeSource> _sources = sources.ToDictionary(source => source.TypeName);

    public void AddTo(QueryType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist or the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id from some object's `id` field.")
            .Resolve().WithService<IServiceProvider>().Resolve((context, services) => Load(services, context.GetArgument<string>("id"))
                ?? throw new UserInputError("id", "`id` is not an id of this API."));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Many objects by their global ids, in the order asked; null in place of those that do not exist or the caller may not see.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global ids, at most 100.")
            .Resolve().WithServices<IOptions<PagingSettings>, IServiceProvider>().Resolve((context, paging, services) =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                var max = paging.Value.MaxPageSize;
                if (ids.Count > max) throw new UserInputError("ids", $"Pass at most {max} ids; {ids.Count} were given.");
                var loads = ids.Select(id => Load(services, id)).ToList();
                var malformed = ids.Where((_, index) => loads[index] is null).ToList();
                if (malformed.Count > 0)
                    context.Errors.Add(new UserInputError("ids", $"Not ids of this API (null in their place): {string.Join(", ", malformed.Take(5))}."));
                return DataLoaderResults.WhenAll(loads.Select(load => load ?? DataLoaderResults.FromValue<object?>(null)));
            });
    }

    /// <summary>
    /// The pending object behind a global id, or null when the id is not one of ours. Each feature's
    /// <see cref="NodeSource"/> takes its own loader from <paramref name="services"/> (the request's, or the event's).
    /// </summary>
    private IDataLoaderResult<object?>? Load(IServiceProvider services, string id) =>
        GlobalId.TryDecode(id, out var typeName, out var documentId) && _sources.TryGetValue(typeName, out var source)
            ? source.Load(services, documentId)
            : null;
}
