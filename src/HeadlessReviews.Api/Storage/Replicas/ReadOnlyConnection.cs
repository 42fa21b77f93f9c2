using Marten;
using Marten.Storage;
using Npgsql;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// <c>ConnectionStrings:ReviewsReadOnly</c> as a Marten database of its own, on an Npgsql data source (a
/// multi-host one when several hosts are named: it honours <c>Target Session Attributes</c> and
/// <c>Load Balance Hosts</c>), with the session settings the primary's connections get
/// (<see cref="StorageRegistration"/>): statement timeout, plan cache mode, connect timeout, pool size,
/// prepared statements, no reset on close.
/// </summary>
public sealed class ReadOnlyConnection : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public ReadOnlyConnection(string connectionString, StorageSettings settings, IDocumentStore store)
    {
        _dataSource = Create(Configure(connectionString, settings));
        Database = new MartenDatabase((StoreOptions)store.Options, _dataSource, "read-only");
    }

    public IMartenDatabase Database { get; }

    /// <summary>Several hosts: one multi-host data source, with the session type the string asks for (prefer-standby unless told).</summary>
    private static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Host?.Contains(',', StringComparison.Ordinal) != true) return NpgsqlDataSource.Create(connectionString);
        var wanted = builder.TargetSessionAttributes is { Length: > 0 } named
            ? Enum.Parse<TargetSessionAttributes>(named.Replace("-", "", StringComparison.Ordinal), ignoreCase: true)
            : TargetSessionAttributes.PreferStandby;
        // Npgsql takes the session type per wrapper of a multi-host source, not in its connection string.
        builder.TargetSessionAttributes = null;
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).BuildMultiHost().WithTargetSession(wanted);
    }

    private static string Configure(string connectionString, StorageSettings settings)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = settings.SessionOptions(builder.Options);
        builder.Timeout = settings.ConnectTimeoutSeconds;
        builder.MaxPoolSize = settings.EffectiveMaxPoolSize;
        builder.NoResetOnClose = true;
        builder.MaxAutoPrepare = settings.MaxAutoPrepare;
        return builder.ConnectionString;
    }

    public void Dispose() => _dataSource.Dispose();
}
