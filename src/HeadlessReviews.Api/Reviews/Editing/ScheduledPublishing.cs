using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// Publishes scheduled reviews when their <c>publishAt</c> comes, on every instance: each due review goes
/// through <see cref="PublishReview"/>, as the mutation does (row lock, version check, revision, subscribers, webhooks) with the
/// version it was found at, so when two instances find the same review one publishes it and the other
/// is told it changed, and an editor's edit in between wins over the schedule until the next round.
/// </summary>
public sealed class ScheduledPublishing(IServiceScopeFactory scopes, IDocumentStore store, IOptions<SchedulingSettings> settings, TimeProvider clock, ILogger<ScheduledPublishing> logger)
    : BackgroundService
{
    public const string ActorName = "Scheduled publishing";
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishDueAsync(stoppingToken);
                await Task.Delay(settings.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // PostgreSQL away, or anything else: the reviews stay scheduled; try again next round
                // (an exception escaping a background service would stop the whole service).
                logger.LogWarning(error, "Scheduled publishing paused: due reviews could not be read");
                await Task.Delay(settings.Value.Interval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Publishes what is due now; returns how many this instance published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var due = await DueAsync(cancellationToken);
        var published = 0;
        foreach (var (id, version) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundActor>().ActAs(ActorName, Roles.Editor);
            var result = await scope.ServiceProvider.GetRequiredService<PublishReview>().HandleAsync(
                new ReviewVersionInput { Id = GlobalId.Encode("Review", id), ExpectedVersion = version }, cancellationToken);
            if (result.Succeeded)
            {
                published++;
                logger.LogInformation("Published scheduled review {ReviewId}", id);
            }
        }
        return published;
    }

    private async Task<List<(Guid Id, int Version)>> DueAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<Guid, int>('^',
            $"select row(d.id), row(d.mt_version) from {Tables.Reviews} d where d.status = '{nameof(ReviewStatus.Scheduled)}' " +
            $"and (d.data ->> 'PublishAt')::timestamptz <= ^ order by (d.data ->> 'PublishAt')::timestamptz limit {BatchSize}",
            cancellationToken, clock.GetUtcNow());
        return [.. rows.Select(row => (row.Item1, row.Item2))];
    }
}
