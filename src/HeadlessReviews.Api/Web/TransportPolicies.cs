using GraphQL;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Transport;

namespace HeadlessReviews.Api.Web;

/// <summary>What the transport, which knows no application, learns from this one: its error codes' HTTP statuses and its cache tags.</summary>
public static class TransportPolicies
{
    public static IServiceCollection AddHeadlessReviewsTransportPolicies(this IServiceCollection services)
    {
        services.Configure<GraphQLErrorStatuses>(statuses => statuses
            // Nothing ran because the database is down: not the client's fault, 503 for both media types.
            // (An executed request with such field errors stays 200, as the spec has it.)
            .Map(UnhandledErrors.ServiceUnavailableCode, StatusCodes.Status503ServiceUnavailable, forLegacyJson: true, DatabaseOutage.RetryAfterSeconds)
            .Map("RATE_LIMITED", StatusCodes.Status429TooManyRequests));
        services.AddSingleton<ICacheTagSource, DocumentCacheTags>();
        return services;
    }

    private sealed class DocumentCacheTags : ICacheTagSource
    {
        public IReadOnlyList<string> TagsOf(ExecutionResult result, int maxBytes) => CacheTags.Of(result, maxBytes);

        public IReadOnlyCollection<string> PurgeTagsOf(ExecutionResult result) => CacheTags.ForPurging(result);
    }
}
