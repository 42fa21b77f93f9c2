using GraphQL;
using GraphQL.DI;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Depth, cost and alias limits, checked during validation, before a resolver runs, on every transport
/// and for cached documents too (the cost depends on variables such as <c>first</c>). A refused
/// document gets a validation error with <c>extensions.code</c> <c>QUERY_TOO_DEEP</c>,
/// <c>QUERY_TOO_COSTLY</c> or <c>TOO_MANY_ALIASES</c>, with the measure and the limit in the message.
/// </summary>
public static class QueryLimits
{
    public static IGraphQLBuilder AddQueryLimits(this IGraphQLBuilder graph)
    {
        // Our own measure, not GraphQL.NET's complexity rule: that one walks a fragment again at every
        // spread, so fragments spreading fragments cost exponential time before anything is refused.
        return graph
            .AddValidationRule<QueryLimitsRule>(useForCachedDocuments: true)
            .AddValidationRule<AliasLimitRule>(useForCachedDocuments: false);
    }
}
