using GraphQL.Types;

using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Graph.Paging;

/// <summary>A Relay connection of one item type; named after it (<c>ReviewConnection</c>).</summary>
public sealed class ConnectionType<TNodeType, T> : ObjectGraphType<Connection<T>> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var item = ItemNames.Of(typeof(TNodeType));
        Name = $"{item}Connection";
        Description = $"A page of {item} items with cursors (Relay cursor connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, T>>>>>("edges")
            .Description("The items of this page with their cursors.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors: the short form of `edges { node }`.")
            .Resolve(context => context.Source.Edges.Select(edge => edge.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Whether more items precede or follow this page, and the cursors to reach them.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items the whole list holds with these filters (counted only when asked for).")
            .ResolveAsync(async context => (int)await context.Source.CountAsync(context.CancellationToken).ConfigureAwait(false));
    }
}
