using Marten;

namespace HeadlessReviews.Api.Reviews.Editing;

public static class ReviewHistoryStorage
{
    /// <summary>
    /// Registers the history events. Known event types make the event store part of the configured
    /// schema, so start-up (and <c>migrate</c>) creates its tables like the document tables.
    /// </summary>
    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventType<ReviewRevised>();
        options.Events.AddEventType<ReviewDeleted>();
    }
}
