using GraphQL.Types;

using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Graph.Paging;

/// <summary>An item of a connection with its cursor; named after the item type (<c>ReviewEdge</c>).</summary>
public sealed class EdgeType<TNodeType, T> : ObjectGraphType<Edge<T>> where TNodeType : IGraphType
{
    public EdgeType()
    {
        var item = ItemNames.Of(typeof(TNodeType));
        Name = $"{item}Edge";
        Description = $"One {item} in a list, with the cursor that marks its place.";
        Field(x => x.Cursor).Description("Opaque position of this item: pass it as `after` or `before` to page from here.");
        Field<NonNullGraphType<TNodeType>>("node").Description($"The {item}.").Resolve(context => context.Source.Node);
    }
}
