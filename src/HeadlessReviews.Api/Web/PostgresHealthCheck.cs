using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeadlessReviews.Api.Web;

/// <summary>Ready means PostgreSQL answers: a load balancer stops sending requests to an instance that lost its database.</summary>
public sealed class PostgresHealthCheck(IDocumentStore store, DatabaseOutage outage, ILogger<PostgresHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await store.Storage.Database.AssertConnectivityAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception) when (DatabaseUnreachable.Is(exception))
        {
            // An outage is logged once by DatabaseOutage, not with a stack trace at every probe.
            outage.Report(exception);
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "The readiness check of PostgreSQL failed");
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", exception);
        }
    }
}
