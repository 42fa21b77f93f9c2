using GraphQL.Types;

namespace HeadlessReviews.Api.Graph;

/// <summary>
/// Fields a feature adds to another feature's object type, as <see cref="IQueryFields"/> does for <c>Query</c>:
/// the feature whose objects a field returns adds it to the type it hangs off (<c>Comments/</c> adds
/// <c>Review.comments</c>), so features depend one way (Comments → Reviews → Films → People). Graph types
/// are singletons built once, so the target type applies its contributions in its constructor
/// (<see cref="TypeFields.AddContributed"/>). The printed schema sorts fields, so where they land does not show there.
/// </summary>
public interface ITypeFields<in TGraphType> where TGraphType : IComplexGraphType
{
    void AddTo(TGraphType type);
}

public static class TypeFields
{
    /// <summary>Adds every registered feature's fields to <paramref name="type"/>.</summary>
    public static void AddContributed<TGraphType>(this TGraphType type, IEnumerable<ITypeFields<TGraphType>> contributions)
        where TGraphType : IComplexGraphType
    {
        foreach (var contribution in contributions) contribution.AddTo(type);
    }
}
