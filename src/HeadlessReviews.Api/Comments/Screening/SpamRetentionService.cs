using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Runs <see cref="SpamRetention"/> every <see cref="SpamRetentionSettings.Interval"/>; a failed round is logged and retried next time.</summary>
public sealed class SpamRetentionService(SpamRetention retention, IOptions<SpamRetentionSettings> settings, TimeProvider clock, ILogger<SpamRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled) return;
        using var timer = new PeriodicTimer(settings.Value.Interval, clock);
        // The first round waits one interval: start-up is busy enough, and freshly seeded data stays put.
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var deleted = await retention.DeleteOldSpamAsync(stoppingToken).ConfigureAwait(false);
                if (deleted > 0) logger.LogInformation("Deleted {Count} spam comments past their keeping time", deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Spam clean-up failed; trying again next round");
            }
        }
    }
}
