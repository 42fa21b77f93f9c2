using GraphQL.Validation;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Transport;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Refuses an operation nested deeper than <see cref="ExecutionSettings.MaxDepth"/> or estimated to
/// cost more than <see cref="ExecutionSettings.MaxCost"/> (<see cref="OperationMeasure"/>). Runs after
/// the variables are read, since <c>first: $n</c> changes the cost, and for cached documents too.
/// </summary>
public sealed class QueryLimitsRule(IOptions<ExecutionSettings> settings, IOptions<PagingSettings> paging) : ValidationRuleBase, IWalkFreeRule
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var limits = settings.Value;
        if (limits.MaxDepth == 0 && limits.MaxCost == 0) return default;

        var measured = OperationMeasure.Of(context, paging.Value.DefaultPageSize, paging.Value.MaxPageSize);
        if (measured is not { } measure)
            context.ReportError(Refusal("QUERY_TOO_DEEP", $"The operation nests fields too deeply to measure; at most {limits.MaxDepth} levels are allowed."));
        else if (limits.MaxDepth > 0 && measure.Depth > limits.MaxDepth)
            context.ReportError(Refusal("QUERY_TOO_DEEP", $"The operation nests fields {measure.Depth} deep; at most {limits.MaxDepth} levels are allowed."));
        else if (limits.MaxCost > 0 && measure.Cost > limits.MaxCost)
        {
            // A saturated sum is past any number worth printing.
            var cost = measure.Cost == long.MaxValue ? $"more than {limits.MaxCost}" : measure.Cost.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.ReportError(Refusal("QUERY_TOO_COSTLY", $"The operation's estimated cost is {cost}; at most {limits.MaxCost} is allowed. Ask for smaller pages (first/last) or fewer nested lists."));
        }
        return default;
    }

    private static ValidationError Refusal(string code, string message) => new(message) { Code = code };
}
