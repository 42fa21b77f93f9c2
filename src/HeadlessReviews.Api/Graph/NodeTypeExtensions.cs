using GraphQL.Types;

namespace HeadlessReviews.Api.Graph;

public static class NodeTypeExtensions
{
    /// <summary>Makes an object type a <c>Node</c>: its global <c>id</c> and the interface.</summary>
    public static void ImplementNode<T>(this ObjectGraphType<T> type, Func<T, Guid> id)
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = value => value is T;
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description($"The {type.Name}'s global id: opaque and stable; `node(id:)` fetches it again.")
            .Resolve(context => GlobalId.Encode(type.Name, id(context.Source)));
    }
}
