namespace HeadlessReviews.Api.Graph.Paging;

/// <summary>GraphQL names of connection items, from the graph type's class name (<c>ReviewType</c> → <c>Review</c>).</summary>
public static class ItemNames
{
    private static readonly string[] Suffixes = ["Type", "Union", "Interface"];

    public static string Of(Type graphType)
    {
        var suffix = Suffixes.FirstOrDefault(s => graphType.Name.EndsWith(s, StringComparison.Ordinal));
        return suffix is null ? graphType.Name : graphType.Name[..^suffix.Length];
    }
}
