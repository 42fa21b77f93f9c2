using GraphQL;
using GraphQL.Builders;
using GraphQL.MicrosoftDI;
using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Graph.Mutations;

public static class EditFieldExtensions
{
    /// <summary>
    /// Resolves a mutation field by one call of its domain operation, taken from the request's services:
    /// the <c>input</c> argument's plain input in, the result mapped to the payload.
    /// </summary>
    public static void ResolvesWith<TOperation, TInput, T>(this FieldBuilder<object?, object> field)
        where TOperation : IEditOperation<TInput, T> where T : class =>
        field.Resolve().WithService<TOperation>().ResolveAsync(async (context, operation) =>
        {
            var request = context.GetArgument<MutationRequest<TInput>>("input");
            return Payload<T>.From(request.ClientMutationId, await operation.HandleAsync(request.Input, context.CancellationToken));
        });
}
