namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>A feature's mutations; <see cref="MutationType"/> gathers them as <see cref="IQueryFields"/> does for queries.</summary>
public interface IMutationFields
{
    void AddTo(MutationType mutation);
}
