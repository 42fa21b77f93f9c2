using Marten;

namespace HeadlessReviews.Api.Editing;

/// <summary>
/// Where the news of a changed or deleted document is queued, in the change's own session (so nothing
/// is sent for a change that rolls back). The webhook outbox implements it; editing only knows this.
/// </summary>
public interface IChangeOutbox
{
    void QueueChange(IDocumentSession session, object document, bool deleted);
}
