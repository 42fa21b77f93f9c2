namespace HeadlessReviews.Api.Editing;

/// <summary>
/// How a feature names one of its documents to those told of a change (webhook receivers), so that
/// what delivers the news never needs to know the features: each feature registers one for its
/// document type, and the first that recognises a document describes it.
/// </summary>
public interface IAnnouncedNode
{
    /// <summary>The node as the API names it (<c>__typename</c>, <c>id</c>, <c>slug</c>…), or null when the document is not this feature's.</summary>
    AnnouncedNode? Describe(object document);
}

/// <summary>A described document: its node, and the cache tags of other documents whose answers change with it (a comment's review).</summary>
public sealed record AnnouncedNode(IReadOnlyDictionary<string, object?> Node, IReadOnlyList<string> AlsoChanges);
