namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>Every mutation input carries the Relay <c>clientMutationId</c>, echoed in the payload.</summary>
public abstract class MutationInput
{
    public string? ClientMutationId { get; set; }
}
