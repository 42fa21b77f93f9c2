namespace HeadlessReviews.Api.Comments;

/// <summary>The <see cref="ThreadHead"/>s read this request, by review (one instance a request).</summary>
public sealed class CommentThreadHeads
{
    private readonly Dictionary<Guid, ThreadHead> _heads = [];
    private readonly Lock _lock = new();

    public void Add(Guid reviewId, ThreadHead head)
    {
        lock (_lock) _heads.TryAdd(reviewId, head);
    }

    public ThreadHead? Of(Guid reviewId)
    {
        lock (_lock) return _heads.GetValueOrDefault(reviewId);
    }
}
