using GraphQL;
using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Mutations;

public static class InputTypeExtensions
{
    /// <summary>
    /// Adds the Relay <c>clientMutationId</c> to an input type: bound to <see cref="MutationInput.ClientMutationId"/>,
    /// or, for a domain input that knows nothing of it, carried beside it by <see cref="MutationInputType{TInput}"/>.
    /// </summary>
    public static void ClientMutationIdField<T>(this InputObjectGraphType<T> input)
    {
        var field = input.Field<StringGraphType>("clientMutationId")
            .Description("Any string the client chooses; returned unchanged in the payload to match answers to requests.");
        if (!typeof(MutationInput).IsAssignableFrom(typeof(T))) field.NoClrMapping();
    }

    public const string ChangeBasedOn = "The `version` the change is based on; a newer one in the store gives `VERSION_CONFLICT` and changes nothing.";

    /// <summary>The object a change applies to (<c>id</c>) and the version it is based on (<c>expectedVersion</c>).</summary>
    public static void TargetFields<T>(this InputObjectGraphType<T> input, string idDescription, string versionDescription = ChangeBasedOn)
    {
        input.Field<NonNullGraphType<IdGraphType>>("id").Description(idDescription);
        input.Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description(versionDescription);
    }
}
