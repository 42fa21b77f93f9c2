namespace HeadlessReviews.Api.Storage;

public static class StoredTime
{
    /// <summary>
    /// Now, to the microsecond: PostgreSQL's precision. A time kept in a document's JSON then equals the
    /// copy in its indexed column, so filters, cursors and what clients read all agree.
    /// </summary>
    public static DateTimeOffset GetStoredNow(this TimeProvider clock) => ToStored(clock.GetUtcNow());

    /// <summary>A given time (an imported one) to the microsecond, as <see cref="GetStoredNow"/> keeps now.</summary>
    public static DateTimeOffset ToStored(DateTimeOffset time) => time.AddTicks(-(time.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
}
