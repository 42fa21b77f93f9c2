using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>The <c>Mutation</c> root, assembled from every feature's <see cref="IMutationFields"/>.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        Description = "Changes. Each takes one `input` (with an optional `clientMutationId`) and answers a payload with the changed object and `errors`: a user's mistake is an entry there, never an exception. Each names the role its API token needs.";
        foreach (var feature in features) feature.AddTo(this);
    }
}
