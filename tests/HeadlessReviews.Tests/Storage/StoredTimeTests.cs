using HeadlessReviews.Api.Storage;

namespace HeadlessReviews.Tests.Storage;

public sealed class StoredTimeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Stored_now_drops_what_PostgreSQL_cannot_keep()
    {
        var now = new DateTimeOffset(2026, 11, 25, 20, 1, 11, TimeSpan.Zero).AddTicks(147_314); // .0147314
        var stored = new FixedClock(now).GetStoredNow();
        Assert.Equal(now.AddTicks(-4), stored); // .014731
        Assert.Equal(0, stored.Ticks % 10);
    }
}
