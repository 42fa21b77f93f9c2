using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace HeadlessReviews.Api.Execution;

/// <summary>Queries and mutations: one field at a time (a Marten session is not thread-safe), within <see cref="ExecutionSettings.Timeout"/>.</summary>
public sealed class TimeLimitedSerialStrategy(IOptions<ExecutionSettings> settings) : SerialExecutionStrategy
{
    public override Task<ExecutionResult> ExecuteAsync(ExecutionContext context) =>
        ExecutionTimeout.RunAsync(context, settings.Value.Timeout, base.ExecuteAsync);
}
