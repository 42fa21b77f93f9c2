using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// The cache tags of an answer, read from what it actually holds: every document in it gives
/// <c>kind-&lt;id&gt;</c> (32 hex digits) and <c>kind</c>. Purge <c>review-&lt;id&gt;</c> when a review changes
/// and <c>review</c> when one appears or goes, and every cached answer that could show it is gone.
/// Past the byte limit only the kinds are kept: coarser purges, never a missed one.
/// </summary>
public static class CacheTags
{
    public static IReadOnlyList<string> Of(ExecutionResult result, int maxBytes)
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        var documents = new SortedSet<string>(StringComparer.Ordinal);
        if (result.Data is ExecutionNode root) Collect(root, kinds, documents);

        var all = kinds.Concat(documents).ToList();
        return all.Sum(tag => tag.Length + 1) <= maxBytes ? all : [.. kinds];
    }

    /// <summary>
    /// What the response cache files an answer under: every document's tags, and the kind of every object
    /// type the answer has a place for, found or not (<c>review</c> for a list of reviews that came back
    /// empty, or a <c>review(slug:)</c> that found none; a connection counts for its nodes, selected or not), so that the purge of a kind, which every change
    /// of a document of that kind sends, also reaches answers that would show it now. A kind is the type's
    /// name in lower case (<c>Review</c>: <c>review</c>); an interface or union stands for all its types.
    /// </summary>
    public static IReadOnlyCollection<string> ForPurging(ExecutionResult result)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        if (result.Data is ExecutionNode root) CollectAll(root, tags, []);
        return tags;
    }

    private static void CollectAll(ExecutionNode node, HashSet<string> tags, HashSet<IGraphType> seenTypes)
    {
        if (node is ObjectExecutionNode && node.Result is ICacheTagged tagged)
        {
            tags.Add(tagged.CacheTagKind);
            tags.Add(Of(tagged));
        }
        if (node.GraphType?.GetNamedType() is { } type && seenTypes.Add(type))
        {
            AddKinds(type, tags);
            // A connection has a place for its nodes even when they are not selected ({ reviews { totalCount } }).
            if (type is IObjectGraphType connection && connection.GetField("nodes")?.ResolvedType?.GetNamedType() is { } nodes)
                AddKinds(nodes, tags);
        }
        if (node is IParentExecutionNode parent)
            foreach (var child in parent.GetChildNodes())
                CollectAll(child, tags, seenTypes);
    }

    private static void AddKinds(IGraphType type, HashSet<string> tags)
    {
        if (type is IAbstractGraphType abstractType)
            foreach (var possible in abstractType.PossibleTypes) tags.Add(KindOf(possible));
        else if (type is IObjectGraphType) tags.Add(KindOf(type));
    }

    private static string KindOf(IGraphType type) => type.Name.ToLowerInvariant();

    /// <summary>The tag of one document: <c>review-&lt;32 hex digits&gt;</c>.</summary>
    public static string Of(ICacheTagged document) => $"{document.CacheTagKind}-{document.Id:N}";

    private static void Collect(ExecutionNode node, SortedSet<string> kinds, SortedSet<string> documents)
    {
        if (node is ObjectExecutionNode && node.Result is ICacheTagged tagged)
        {
            kinds.Add(tagged.CacheTagKind);
            documents.Add(Of(tagged));
        }
        if (node is IParentExecutionNode parent)
            foreach (var child in parent.GetChildNodes())
                Collect(child, kinds, documents);
    }
}
