using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// Measures every host of <c>ConnectionStrings:ReviewsReadOnly</c> each <see cref="ReplicaSettings.CheckInterval"/>:
/// whether it answers, and how far behind the primary it is. Anonymous reads use the standbys only while
/// every one of them was measured lately and within <see cref="ReplicaSettings.MaxLag"/>, so a lagging or
/// lost standby sends reads back to the primary instead of serving old content or failing.
/// </summary>
public sealed class StandbyLag : BackgroundService
{
    /// <summary>How the measuring connections name themselves in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "headless-reviews-replica-check";

    // A standby that streams and has replayed all it received is caught up, however long ago the last write
    // was; one that does not stream (cut off from the primary) may be any distance behind: never fresh.
    private const string LagQuery = """
        select case
          when not pg_is_in_recovery() then 0
          when not exists (select 1 from pg_stat_wal_receiver where status = 'streaming') then 'infinity'::float8
          when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
          else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp())::float8, 'infinity'::float8)
        end
        """;

    private readonly IOptions<ReplicaSettings> _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger<StandbyLag> _logger;

    public StandbyLag(string readOnlyConnectionString, IOptions<ReplicaSettings> settings, TimeProvider clock, ILogger<StandbyLag> logger)
    {
        _settings = settings;
        _clock = clock;
        _logger = logger;
        Hosts = [.. HostsOf(readOnlyConnectionString)];
    }

    public IReadOnlyList<StandbyHost> Hosts { get; }

    /// <summary>True while every read-only host answered lately and is within the allowed lag.</summary>
    public bool AllFresh
    {
        get
        {
            var settings = _settings.Value;
            var oldest = _clock.GetUtcNow() - 3 * settings.CheckInterval;
            return Hosts.All(host => host.Last is { LagSeconds: { } lag } last && last.At >= oldest && lag <= settings.MaxLag.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ReplicaMetrics.Track(this);
        try
        {
            using var timer = new PeriodicTimer(_settings.Value.CheckInterval, _clock);
            do
            {
                await Task.WhenAll(Hosts.Select(host => MeasureAsync(host, stoppingToken)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            ReplicaMetrics.Untrack(this);
        }
    }

    private async Task MeasureAsync(StandbyHost host, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(host.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(LagQuery, connection);
            var lag = (double)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (host.Last is not { Reachable: true }) _logger.LogInformation("Read-only host {Host} answers ({Lag:0.###} s behind)", host.Name, lag);
            host.Last = new(lag, _clock.GetUtcNow());
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            if (host.Last is null or { Reachable: true })
                _logger.LogWarning(error, "Read-only host {Host} does not answer; anonymous reads use the primary until it does", host.Name);
            host.Last = new(null, _clock.GetUtcNow());
        }
    }

    /// <summary>Each host of a (multi-host) connection string alone, with the session type left open so a primary listed among them answers too.</summary>
    private static IEnumerable<StandbyHost> HostsOf(string connectionString)
    {
        var all = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var entry in (all.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.LastIndexOf(':');
            var (name, port) = colon > 0 && !entry.EndsWith(']') && int.TryParse(entry[(colon + 1)..], out var parsed) ? (entry[..colon], parsed) : (entry, all.Port);
            var one = new NpgsqlConnectionStringBuilder(connectionString)
            {
                Host = name,
                Port = port,
                TargetSessionAttributes = null,
                LoadBalanceHosts = false,
                ApplicationName = ApplicationName,
                MaxPoolSize = 1,
            };
            yield return new StandbyHost($"{name}:{port}", one.ConnectionString);
        }
    }
}
