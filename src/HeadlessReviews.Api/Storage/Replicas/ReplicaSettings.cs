using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// Reads from PostgreSQL standbys (<c>HeadlessReviews:Replicas</c>), on when <c>ConnectionStrings:ReviewsReadOnly</c>
/// is set: an Npgsql connection string naming the standbys, usually several hosts with
/// <c>Target Session Attributes=prefer-standby;Load Balance Hosts=true</c>.
/// </summary>
public sealed class ReplicaSettings
{
    public const string Section = "HeadlessReviews:Replicas";
    public const string ConnectionStringName = "ReviewsReadOnly";

    /// <summary>
    /// The most a standby may be behind for anonymous reads to use it; and, after this instance hears of a
    /// change, how long those reads stay on the primary (so what the response cache keeps after a purge is
    /// never read from before the change).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each standby's lag is measured; one not measured for three intervals counts as lost.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
