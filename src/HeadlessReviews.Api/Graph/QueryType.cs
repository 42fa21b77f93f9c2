using GraphQL.Types;

namespace HeadlessReviews.Api.Graph;

/// <summary>The <c>Query</c> root, assembled from every feature's <see cref="IQueryFields"/>.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        Description = "Everything a frontend can read: reviews, films, people, search, and any object by its global id.";
        foreach (var feature in features) feature.AddTo(this);
    }
}
