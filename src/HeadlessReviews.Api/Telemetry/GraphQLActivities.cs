using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Telemetry;

/// <summary>
/// One span and one duration measurement per GraphQL operation, on every transport, named as the
/// OpenTelemetry GraphQL conventions say (<c>query HerReview</c>) with <c>graphql.operation.type</c>,
/// <c>graphql.operation.name</c> and, when it failed, <c>error.type</c> (the first error's code). The
/// document's text is not recorded: it may hold readers' input. The duration's count is the request
/// rate: by type, name (bounded, see <see cref="OperationNames"/>) and outcome.
/// </summary>
public sealed class GraphQLActivities(OperationNames names) : IConfigureExecution
{
    public const string Name = "HeadlessReviews.GraphQL";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "graphql.operation.duration", unit: "s", description: "How long GraphQL operations take, from parsing to the last resolver.",
        tags: null, advice: LatencyBuckets.Seconds);

    // Outermost: the span covers persisted-document lookup, the document cache, validation and execution.
    public float SortOrder => 0;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var activity = Source.StartActivity("GraphQL Operation");
        var started = Stopwatch.GetTimestamp();
        var result = await next(options).ConfigureAwait(false);

        var type = result.Operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => null,
        };
        var name = result.Operation?.Name?.StringValue ?? options.OperationName;
        var failure = result.Errors is { Count: > 0 } errors ? errors[0].Code ?? "ERROR" : null;
        if (activity is not null)
        {
            if (type is not null) activity.DisplayName = name is null ? type : $"{type} {name}";
            activity.SetTag("graphql.operation.type", type);
            activity.SetTag("graphql.operation.name", name);
            if (failure is not null)
            {
                activity.SetTag("error.type", failure);
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("graphql.operation.type", type),
            new KeyValuePair<string, object?>("graphql.operation.name", names.Label(name)),
            new KeyValuePair<string, object?>("error.type", failure));
        return result;
    }
}
