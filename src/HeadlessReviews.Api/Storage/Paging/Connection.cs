namespace HeadlessReviews.Api.Storage.Paging;

/// <summary>One page of a list, Relay style. The total is counted only when a client asks for it.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<long>> countAsync)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;
    public PageInfo PageInfo { get; } = pageInfo;
    public Task<long> CountAsync(CancellationToken cancellationToken) => countAsync(cancellationToken);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
