namespace HeadlessReviews.Api.Storage.Paging;

/// <summary>
/// One column of a list's order: a SQL expression over the query's tables, its PostgreSQL type
/// (the cursor carries the value as text and casts it back) and its direction.
/// </summary>
public sealed record SortKey(string Expression, string SqlType, bool Descending)
{
    public SortKey Reversed() => this with { Descending = !Descending };
}
