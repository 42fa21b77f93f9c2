using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Realtime;
using Marten;

namespace HeadlessReviews.Api.Reviews.Subscriptions;

/// <summary>The bus event "a review became public", and the review with its film as each instance loads it.</summary>
public sealed record ReviewPublished(Review Review, Film Film)
{
    public const string Topic = "reviewPublished";

    /// <summary>What travels through NOTIFY: the id only.</summary>
    public sealed record Message(Guid ReviewId);

    /// <summary>Queued in the session that publishes the review: sent when, and only if, it commits (and not at all when the announcer is quiet).</summary>
    public static void Publish(ChangeAnnouncer announcer, IDocumentSession session, Review review) => announcer.Notify(session, Topic, new Message(review.Id));

    public static EventFeed<ReviewPublished> Feed(IServiceProvider services) => ActivatorUtilities.CreateInstance<EventFeed<ReviewPublished>>(services,
        Topic, (Func<BusEvent, CancellationToken, Task<ReviewPublished?>>)((received, cancellationToken) => LoadAsync(services.GetRequiredService<IDocumentStore>(), received, cancellationToken)));

    private static async Task<ReviewPublished?> LoadAsync(IDocumentStore store, BusEvent received, CancellationToken cancellationToken)
    {
        var id = received.Message.GetProperty("reviewId").GetGuid();
        await using var session = store.QuerySession();
        // Unpublished again (or deleted) before we got here: nothing to announce.
        if (await session.LoadAsync<Review>(id, cancellationToken) is not { IsPublished: true } review) return null;
        return await session.LoadAsync<Film>(review.FilmId, cancellationToken) is { } film ? new ReviewPublished(review, film) : null;
    }
}
