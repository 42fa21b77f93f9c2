using GraphQL.Types;
using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>A mutation's argument as it arrives: the Relay <c>clientMutationId</c> beside the plain input of the domain operation.</summary>
public sealed record MutationRequest<TInput>(string? ClientMutationId, TInput Input);

/// <summary>
/// Input type of a mutation whose input is a domain operation's (<c>CreateFilmInput</c>): parses into a
/// <see cref="MutationRequest{TInput}"/>, and for <see cref="PatchFields"/> remembers the fields present in
/// the request, since GraphQL.NET maps a left-out field and an explicit null both to null.
/// </summary>
public abstract class MutationInputType<TInput> : InputObjectGraphType<TInput>
{
    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var input = (TInput)base.ParseDictionary(value);
        if (input is PatchFields patch) patch.Given = value.Keys.ToHashSet(StringComparer.Ordinal);
        return new MutationRequest<TInput>(value.TryGetValue("clientMutationId", out var id) ? id as string : null, input);
    }
}
