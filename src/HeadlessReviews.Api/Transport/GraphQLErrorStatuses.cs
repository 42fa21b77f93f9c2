using GraphQL;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// Which error codes of a request that never executed are answered with an HTTP status of their own
/// instead of the spec's 400 (say, a rate limit's 429, or 503 and <c>Retry-After</c> when a dependency
/// is down). The transport knows no codes: the application names them (<c>services.Configure</c>). The
/// first rule whose code is among the errors wins, so name the most serious first.
/// </summary>
public sealed class GraphQLErrorStatuses
{
    private readonly List<ErrorStatus> _rules = [];

    public IReadOnlyList<ErrorStatus> Rules => _rules;

    /// <param name="code">The error's <c>extensions.code</c>.</param>
    /// <param name="statusCode">The HTTP status for <c>application/graphql-response+json</c>.</param>
    /// <param name="forLegacyJson">Also for <c>application/json</c>, which otherwise keeps 200 (for a fault that is not the client's).</param>
    /// <param name="retryAfterSeconds">A <c>Retry-After</c> header to send with it.</param>
    public GraphQLErrorStatuses Map(string code, int statusCode, bool forLegacyJson = false, int? retryAfterSeconds = null)
    {
        _rules.Add(new ErrorStatus(code, statusCode, forLegacyJson, retryAfterSeconds));
        return this;
    }

    /// <summary>The rule for this unexecuted result in this media type, if any.</summary>
    public ErrorStatus? Find(ExecutionResult result, bool isGraphQLResponse) =>
        result.Errors is not { Count: > 0 } errors
            ? null
            : _rules.FirstOrDefault(rule => (isGraphQLResponse || rule.ForLegacyJson) && errors.Any(error => error.Code == rule.Code));
}

public sealed record ErrorStatus(string Code, int StatusCode, bool ForLegacyJson, int? RetryAfterSeconds);
