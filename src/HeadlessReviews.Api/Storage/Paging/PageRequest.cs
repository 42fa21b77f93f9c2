namespace HeadlessReviews.Api.Storage.Paging;

/// <summary>
/// One page of a keyset-paged list: how many items, which way from the cursor, and the cursor (null:
/// from the start, or from the end when backward).
/// </summary>
public sealed record PageRequest(int Size, bool Backward, string? Cursor);
