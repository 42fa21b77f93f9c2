using HeadlessReviews.Api.Transport.Streaming;

namespace HeadlessReviews.Tests.Transport.Standalone;

/// <summary>The queue both streaming transports write through: bounded, and what happens when full is the transport's.</summary>
public sealed class BoundedOutboxTests
{
    [Fact]
    public async Task A_full_outbox_closes_and_tells_its_transport_once()
    {
        var full = 0;
        var outbox = new BoundedOutbox(capacity: 2, () => full++);
        outbox.Send([1]);
        outbox.Send([2]);
        outbox.Send([3]);
        outbox.Send([4]);

        Assert.Equal(1, full);
        Assert.True(outbox.IsClosed);
        // What was queued before it filled is still there to be written, nothing after.
        var written = new List<byte>();
        await foreach (var message in outbox.ReadAllAsync(CancellationToken.None)) written.AddRange(message);
        Assert.Equal([1, 2], written);
    }

    [Fact]
    public async Task A_closed_outbox_still_delivers_what_it_holds()
    {
        var outbox = new BoundedOutbox(capacity: 4, () => Assert.Fail("never full"));
        outbox.Send([1]);
        outbox.Close();
        outbox.Send([2]);

        var written = new List<byte>();
        await foreach (var message in outbox.ReadAllAsync(CancellationToken.None)) written.AddRange(message);
        Assert.Equal([1], written);
    }
}
