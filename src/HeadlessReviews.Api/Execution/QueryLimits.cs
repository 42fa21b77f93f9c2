using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQL.Validation.Complexity;
using HeadlessReviews.Api.Graph.Paging;
using Microsoft.Extensions.Options;

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
        // GraphQL.NET's own AddComplexityAnalyzer skips cached documents; the cost depends on variables.
        graph.Services.Configure<ComplexityOptions>((options, services) =>
        {
            var limits = services.GetRequiredService<IOptions<ExecutionSettings>>().Value;
            var paging = services.GetRequiredService<IOptions<PagingSettings>>().Value;
            // Limits are applied below, with our own codes; GraphQL.NET only measures.
            options.MaxDepth = null;
            options.MaxComplexity = null;
            // A list without first/last holds a page's worth of items.
            options.DefaultListImpactMultiplier = paging.DefaultPageSize;
            var estimate = options.DefaultComplexityImpactDelegate;
            // The schema's description is read from memory: depth bounds it, cost need not.
            options.DefaultComplexityImpactDelegate = field =>
                field.FieldDefinition.Name is "__schema" or "__type" ? new FieldComplexityResult(1, 0) : estimate(field);
            options.ValidateComplexityDelegate = measured =>
            {
                measured.Error = limits.MaxDepth > 0 && measured.MaxDepth > limits.MaxDepth
                    ? Refusal("QUERY_TOO_DEEP", $"The operation nests fields {measured.MaxDepth} deep; at most {limits.MaxDepth} levels are allowed.")
                    : limits.MaxCost > 0 && measured.TotalImpact > limits.MaxCost
                        ? Refusal("QUERY_TOO_COSTLY", $"The operation's estimated cost is {measured.TotalImpact:0}; at most {limits.MaxCost} is allowed. Ask for smaller pages (first/last) or fewer nested lists.")
                        : null;
                return Task.CompletedTask;
            };
        });
        return graph
            .AddValidationRule<ComplexityValidationRule>(useForCachedDocuments: true)
            .AddValidationRule<AliasLimitRule>(useForCachedDocuments: false);
    }

    private static ValidationError Refusal(string code, string message) => new(message) { Code = code };
}
