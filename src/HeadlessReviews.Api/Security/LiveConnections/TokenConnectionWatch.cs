using HeadlessReviews.Api.Transport;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>
/// Keeps this instance's open sockets and event streams true to their tokens: when a token change is
/// announced (any instance, after commit) its connections here are judged at once; and every half
/// <see cref="LiveConnectionSettings.TokenRecheckInterval"/> all tokens with open connections are read again
/// in one query, so an announcement missed during a listener reconnect holds no connection open for
/// longer than that, and subscription events find fresh states in the cache.
/// </summary>
public sealed class TokenConnectionWatch(
    ApiTokenStates states,
    TokenConnectionIdentity identity,
    ConnectionRegistry registry,
    IOptions<LiveConnectionSettings> settings,
    TimeProvider clock,
    ILogger<TokenConnectionWatch> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FollowAnnouncementsAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task FollowAnnouncementsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var id in states.AnnouncedAsync(stoppingToken))
                {
                    var connections = registry.WithIdentity(id.ToString());
                    if (connections.Count == 0) continue;
                    var state = await states.LoadAsync(id, stoppingToken);
                    foreach (var connection in connections) await identity.ApplyAsync(connection, id, state);
                }
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // PostgreSQL away, or anything else: the sweep catches up (an exception escaping a
                // background service would stop the whole service).
                logger.LogWarning(error, "Could not re-check the connections of a changed API token");
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.TokenRecheckInterval / 2, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepOnceAsync(stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(error, "Could not re-check the tokens of open connections; trying again next round");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads every token with an open connection here afresh, and judges those connections.</summary>
    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        states.Trim();
        var connections = registry.Identified()
            .Select(connection => (Connection: connection, Id: Guid.TryParse(connection.IdentityKey, out var id) ? id : (Guid?)null))
            .Where(entry => entry.Id is not null)
            .ToList();
        if (connections.Count == 0) return;
        var tokens = await states.LoadManyAsync([.. connections.Select(entry => entry.Id!.Value).Distinct()], cancellationToken);
        foreach (var (connection, id) in connections) await identity.ApplyAsync(connection, id!.Value, tokens[id.Value]);
    }
}
