namespace HeadlessReviews.Api.Storage;

public static class StoredTime
{
    /// <summary>
    /// Now, to the microsecond: PostgreSQL's precision. A time kept in a document's JSON then equals the
    /// copy in its indexed column, so filters, cursors and what clients read all agree.
    /// </summary>
    public static DateTimeOffset GetStoredNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
