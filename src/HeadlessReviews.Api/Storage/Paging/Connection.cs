namespace HeadlessReviews.Api.Storage.Paging;

/// <summary>One page of a list, Relay style. The total is counted only when a client asks for it.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<long>> countAsync)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;
    public PageInfo PageInfo { get; } = pageInfo;
    public Task<long> CountAsync(CancellationToken cancellationToken) => countAsync(cancellationToken);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    /// <summary>
    /// A keyset page's info, read one item past its size: <paramref name="more"/> when that item came. Beyond the
    /// cursor's side the list is taken to go on (the cursor's item, at least, was there).
    /// </summary>
    public static PageInfo OfKeysetPage<T>(PageRequest page, bool more, IReadOnlyList<Edge<T>> edges) => new(
        HasNextPage: page.Backward ? page.Cursor is not null : more,
        HasPreviousPage: page.Backward ? more : page.Cursor is not null,
        StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
        EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
}
