using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// Measures every host of <c>ConnectionStrings:ReviewsReadOnly</c> each <see cref="ReplicaSettings.CheckInterval"/>:
/// whether it answers, and how far behind the primary it is (<see cref="PrimaryPositions"/>). Anonymous reads use the standbys only while
/// every one of them was measured lately and within <see cref="ReplicaSettings.MaxLag"/>, so a lagging or
/// lost standby sends reads back to the primary instead of serving old content or failing.
/// </summary>
public sealed class StandbyLag : BackgroundService
{
    /// <summary>How the measuring connections name themselves in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "headless-reviews-replica-check";

    // In recovery: where replay is; otherwise a primary listed among the read-only hosts (null: never behind).
    private const string ReplayQuery = "select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() end";

    private readonly IOptions<ReplicaSettings> _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger<StandbyLag> _logger;
    private readonly string _primary;
    private readonly PrimaryPositions _positions;

    public StandbyLag(string readOnlyConnectionString, IConfiguration configuration, IOptions<ReplicaSettings> settings, TimeProvider clock, ILogger<StandbyLag> logger)
    {
        _settings = settings;
        _clock = clock;
        _logger = logger;
        Hosts = [.. HostsOf(readOnlyConnectionString)];
        _primary = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Reviews")) { ApplicationName = ApplicationName, MaxPoolSize = 1 }.ConnectionString;
        // Enough to read any lag up to well past MaxLag; beyond, a standby is "infinitely" behind.
        _positions = new(settings.Value.MaxLag * 4 + settings.Value.CheckInterval * 4);
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
                // The primary first: a standby that has replayed up to here since is caught up.
                if (await PrimaryPositionAsync(stoppingToken) is { } lsn) _positions.Add(_clock.GetUtcNow(), lsn);
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

    private async Task<ulong?> PrimaryPositionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_primary);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select pg_current_wal_lsn()", connection);
            return (ulong)(NpgsqlTypes.NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Without the primary nothing is measured: readings age, and after three intervals reads go to it (and fail as writes do).
            _logger.LogDebug(error, "The primary's WAL position could not be read");
            return null;
        }
    }

    private async Task MeasureAsync(StandbyHost host, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(host.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(ReplayQuery, connection);
            var replayed = await command.ExecuteScalarAsync(cancellationToken);
            var lag = replayed is NpgsqlTypes.NpgsqlLogSequenceNumber position ? _positions.LagOf((ulong)position, _clock.GetUtcNow()) : 0;
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
                // A host that does not answer must not hold up the others' measurements for long.
                Timeout = 2,
                CommandTimeout = 2,
            };
            yield return new StandbyHost($"{name}:{port}", one.ConnectionString);
        }
    }
}
