using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Storage;

/// <summary>Database behaviour at start-up and while it is away, bound from <c>HeadlessReviews:Storage</c>.</summary>
public sealed class StorageSettings
{
    public const string Section = "HeadlessReviews:Storage";

    /// <summary>
    /// Apply schema changes at start-up. Development always does; Production refuses to start on a
    /// mismatch unless this is true (or the <c>migrate</c> command ran).
    /// </summary>
    public bool ApplySchemaChanges { get; set; }

    /// <summary>How long start-up waits for PostgreSQL to answer before giving up.</summary>
    [Range(1, 3_600)]
    public int StartupWaitSeconds { get; set; } = 60;

    /// <summary>
    /// How long a request waits to open a PostgreSQL connection (or for a free one from the pool)
    /// before it is answered SERVICE_UNAVAILABLE; replaces the connection string's <c>Timeout</c>
    /// (15 s in Npgsql), which Marten's retries would multiply while a database host is unreachable.
    /// </summary>
    [Range(1, 120)]
    public int ConnectTimeoutSeconds { get; set; } = 2;

    /// <summary>
    /// PostgreSQL's <c>statement_timeout</c> on the service's Marten connections: a safety net a little
    /// above the execution timeout, for a command whose cancellation did not arrive. 0: none.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Most connections the service's pool opens to PostgreSQL; 0: four per processor core (at least 8), since a
    /// small machine's PostgreSQL runs faster with few busy sessions than with Npgsql's default of 100.
    /// </summary>
    [Range(0, 1_000)]
    public int MaxPoolSize { get; set; }

    /// <summary>
    /// Statements Npgsql prepares on each connection once they have run a few times, so the server skips
    /// parsing and planning the page queries it sees again and again. 0: none.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxAutoPrepare { get; set; } = 100;

    /// <summary>
    /// PostgreSQL's <c>plan_cache_mode</c> on the service's Marten connections. The service's statements look
    /// rows up by ids and keys through indexes, whatever the values, so the default plans a prepared statement
    /// once (<c>force_generic_plan</c>) instead of again at every execution: about a third of PostgreSQL's time
    /// on a review page. <c>auto</c> is PostgreSQL's own choice.
    /// </summary>
    [AllowedValues("force_generic_plan", "auto", "force_custom_plan")]
    public string PlanCacheMode { get; set; } = "force_generic_plan";

    /// <summary>
    /// PostgreSQL's <c>jit</c> on the service's Marten connections; off by default. The service's statements are
    /// short index lookups, but a generic plan's estimate over a large table can pass <c>jit_above_cost</c>, and
    /// PostgreSQL then compiles the statement at every execution: at L scale, 15-25 ms of compiling for a review
    /// page's comments query that runs in 0.2 ms.
    /// </summary>
    public bool Jit { get; set; }

    /// <summary>
    /// The start-up options (<c>-c name=value</c>) every session of the service's Marten connections gets, after
    /// <paramref name="given"/> (the connection string's own <c>Options</c>).
    /// </summary>
    public string SessionOptions(string? given)
    {
        var options = new List<string>();
        if (!string.IsNullOrWhiteSpace(given)) options.Add(given.Trim());
        if (StatementTimeout > TimeSpan.Zero) options.Add($"-c statement_timeout={(long)StatementTimeout.TotalMilliseconds}");
        options.Add($"-c plan_cache_mode={PlanCacheMode}");
        options.Add($"-c jit={(Jit ? "on" : "off")}");
        return string.Join(' ', options);
    }

    /// <summary>The pool size in effect: <see cref="MaxPoolSize"/>, or the default for this machine.</summary>
    public int EffectiveMaxPoolSize => MaxPoolSize > 0 ? MaxPoolSize : Math.Max(8, 4 * Environment.ProcessorCount);
}
