using GraphQL.Types;

namespace HeadlessReviews.Api.Graph;

/// <summary>The Relay <c>Node</c> interface: anything with a global id that <c>node(id:)</c> can fetch again.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id. Pass the id to `node(id:)` or `nodes(ids:)` to fetch it again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's global id: opaque, stable, unique across all types.");
    }
}
