using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Mutations;

public static class InputTypeExtensions
{
    /// <summary>Adds the Relay <c>clientMutationId</c> to an input type.</summary>
    public static void ClientMutationIdField<T>(this InputObjectGraphType<T> input) where T : MutationInput =>
        input.Field(x => x.ClientMutationId, nullable: true)
            .Description("Any string the client chooses; returned unchanged in the payload to match answers to requests.");
}
