using GraphQL.Types;
using HeadlessReviews.Api.Graph.Paging;

namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>
/// The payload of the mutations of one type, named after it (<c>FilmPayload</c>) with the object under
/// its own name (<c>film</c>), so clients select <c>createFilm(input: …) { film { id } errors { code } }</c>.
/// </summary>
public sealed class PayloadType<TNodeType, T> : ObjectGraphType<Payload<T>> where TNodeType : IGraphType where T : class
{
    public PayloadType()
    {
        var item = ItemNames.Of(typeof(TNodeType));
        Name = $"{item}Payload";
        Description = $"The result of a mutation of a {item}.";
        Field(x => x.ClientMutationId, nullable: true).Description("The `clientMutationId` of the input, unchanged.");
        Field<TNodeType>(char.ToLowerInvariant(item[0]) + item[1..])
            .Description($"The {item} as it is after the mutation; on `VERSION_CONFLICT`, as it is now. Null when the input had other errors or it was deleted.")
            .Resolve(context => context.Source.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Mistakes in the input; empty when the mutation succeeded.")
            .Resolve(context => context.Source.Errors);
    }
}
