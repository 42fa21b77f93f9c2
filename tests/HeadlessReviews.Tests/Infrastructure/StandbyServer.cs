using System.Diagnostics;
using Npgsql;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// A real streaming standby of the tests' PostgreSQL server: <c>pg_basebackup -R</c> into a data
/// directory of its own, started on another loopback port with the same server binaries (run as the
/// <c>postgres</c> user when the tests run as root, as deploy/local/postgres.sh does). The primary needs
/// a <c>replication</c> line for 127.0.0.1 in pg_hba.conf (initdb writes one) and free WAL senders.
/// </summary>
public sealed class StandbyServer : IAsyncDisposable
{
    private const string ServerUser = "postgres";
    private readonly string _bin;
    private readonly string _data;

    private StandbyServer(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The standby alone (a client on it reads, and may not write).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ApiFactory.ServerConnection()) { Host = "127.0.0.1", Port = Port, Database = database, Pooling = false }.ConnectionString;

    public static async Task<StandbyServer> StartAsync()
    {
        var primary = new NpgsqlConnectionStringBuilder(ApiFactory.ServerConnection());
        var bin = await ServerBinariesAsync();
        var data = Path.Combine(Path.GetTempPath(), $"hr-standby-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        if (Environment.IsPrivilegedProcess) await RunAsync("chown", [ServerUser, data]);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var standby = new StandbyServer(bin, data, FreePort());
        await standby.AsServerAsync("pg_basebackup",
            ["-h", primary.Host!, "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", primary.Username!, "-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
            primary.Password);
        await standby.StartAgainAsync();
        return standby;
    }

    /// <summary>Starts the server (again) and waits until it streams from the primary.</summary>
    public async Task StartAgainAsync()
    {
        await AsServerAsync("pg_ctl", ["start", "-D", _data, "-l", _data + ".log", "-w", "-t", "60", "-o", $"-p {Port}"]);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                await using var streaming = new NpgsqlCommand("select pg_is_in_recovery() and exists (select 1 from pg_stat_wal_receiver where status = 'streaming')", connection);
                return (bool)(await streaming.ExecuteScalarAsync())!;
            }
            catch (NpgsqlException) { return false; }
        }, TimeSpan.FromSeconds(30), "the standby did not start streaming");
    }

    /// <summary>Stops it at once, as a crash or a lost machine would (no shutdown checkpoint).</summary>
    public Task StopAsync() => AsServerAsync("pg_ctl", ["stop", "-D", _data, "-m", "immediate", "-w", "-t", "60"]);

    /// <summary>Runs <paramref name="sql"/> on the standby (e.g. <c>select pg_wal_replay_pause()</c>).</summary>
    public async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); }
        catch (InvalidOperationException) { } // already stopped
        Directory.Delete(_data, recursive: true);
        File.Delete(_data + ".log");
    }

    /// <summary>The binaries of the primary's major version (Debian's layout), else those on pg_config's path.</summary>
    private static async Task<string> ServerBinariesAsync()
    {
        await using var connection = new NpgsqlConnection(ApiFactory.ServerConnection());
        await connection.OpenAsync();
        var major = connection.PostgreSqlVersion.Major;
        var debian = $"/usr/lib/postgresql/{major}/bin";
        if (File.Exists(Path.Combine(debian, "pg_basebackup"))) return debian;
        return (await RunAsync("pg_config", ["--bindir"])).Trim();
    }

    /// <summary>A free loopback port, from a range of its own first (clear of deploy/local's 55432–55532).</summary>
    private static int FreePort()
    {
        for (var port = 56250; port < 56300; port++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException) { }
        }
        return LoopbackPort.Free();
    }

    private Task<string> AsServerAsync(string tool, IReadOnlyList<string> arguments, string? password = null)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", ServerUser, "--", path, .. arguments], password)
            : RunAsync(path, arguments, password);
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, string? password = null)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        if (password is not null) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        return await output;
    }
}
