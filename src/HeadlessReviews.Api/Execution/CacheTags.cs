using GraphQL;
using GraphQL.Execution;

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
