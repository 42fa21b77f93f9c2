using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Webhooks;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Demo;

/// <summary>Loads the demo catalogue at start-up when <c>HeadlessReviews:SeedDemoData</c> is true and the store holds no films or reviews.</summary>
public sealed class DemoSeeder(IDocumentStore store, WebhookOutbox outbox, IOptions<DemoSettings> settings, ILogger<DemoSeeder> logger) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!settings.Value.SeedDemoData) return;
        await using var session = store.LightweightSession();
        if (await session.Query<Film>().AnyAsync(cancellationToken) || await session.Query<Review>().AnyAsync(cancellationToken))
        {
            logger.LogInformation("The store already holds content; the demo catalogue is not loaded");
            return;
        }

        var catalogue = DemoCatalogue.Build();
        session.Store(catalogue.People.ToArray());
        session.Store(catalogue.Films.ToArray());
        session.Store(catalogue.Reviews.ToArray());
        session.Store(catalogue.Comments.ToArray());
        // Announced like edits are: receivers learn of the whole catalogue.
        foreach (var document in catalogue.People.Cast<object>().Concat(catalogue.Films).Concat(catalogue.Reviews).Concat(catalogue.Comments))
            outbox.QueueChange(session, document, deleted: false);
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded the demo catalogue: {Films} films, {People} people, {Reviews} reviews, {Comments} comments",
            catalogue.Films.Count, catalogue.People.Count, catalogue.Reviews.Count, catalogue.Comments.Count);
    }
}
