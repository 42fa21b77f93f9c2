using System.Text.Json;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Transport;

namespace HeadlessReviews.Api.Web;

/// <summary>
/// Keeps this instance's <see cref="ResponseCache"/> true to the database: every <see cref="CachePurge"/>
/// on the bus, from any instance, purges its tags as soon as it arrives. The cache serves only while the
/// listener listens: before it first does, and from a lost connection until it is back (a gap in which
/// changes may go unheard), nothing is served and everything is forgotten. A purge dropped because the
/// buffer was full clears everything too.
/// </summary>
public sealed class ResponseCachePurging(ResponseCache cache, IEventBus bus, PostgresListener listener, ILogger<ResponseCachePurging> logger) : BackgroundService
{
    private const int Buffer = 10_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cache.Enabled) return;
        cache.Suspend();
        listener.Lost += OnLost;
        using var purges = bus.Subscribe(CachePurge.Topic, Buffer);
        _ = ResumeWhenListeningAsync(stoppingToken);
        var dropped = 0L;
        try
        {
            await foreach (var purge in purges.Reader.ReadAllAsync(stoppingToken))
            {
                if (purges.Dropped != dropped)
                {
                    dropped = purges.Dropped;
                    cache.Clear();
                    continue;
                }
                Apply(purge);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Lost -= OnLost;
        }
    }

    private void Apply(BusEvent purge)
    {
        CachePurge? message = null;
        try { message = purge.Message.Deserialize<CachePurge>(Json); }
        catch (JsonException error) { logger.LogWarning(error, "A cache purge could not be read; clearing the response cache"); }
        if (message is null || message.All || message.Tags is null) cache.Clear();
        else cache.Purge(message.Tags);
    }

    private void OnLost()
    {
        cache.Suspend();
        _ = ResumeWhenListeningAsync(CancellationToken.None);
    }

    private async Task ResumeWhenListeningAsync(CancellationToken cancellationToken)
    {
        await listener.Listening.WaitAsync(cancellationToken).ConfigureAwait(false);
        cache.Resume();
    }
}
