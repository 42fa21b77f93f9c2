using Marten;

namespace HeadlessReviews.Api.Realtime;

/// <summary>
/// Events between instances, carried by PostgreSQL <c>NOTIFY</c>. An event is queued in the session
/// that makes the change: PostgreSQL delivers it when that transaction commits, and never when it
/// rolls back. Messages carry ids; subscribers load what they need.
/// </summary>
public interface IEventBus
{
    /// <summary>Queues the event with the session's other changes; it is sent by their <c>SaveChangesAsync</c>.</summary>
    void Publish<T>(IDocumentSession session, string topic, T message);

    /// <summary>This instance's events of one topic, into a bounded buffer of its own.</summary>
    EventSubscription<BusEvent> Subscribe(string topic, int? capacity = null);
}
