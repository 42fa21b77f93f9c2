using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// Marks a request as an anonymous query once its document is parsed and valid, before the first resolver
/// opens the request's session: only then may that session be a standby's.
/// </summary>
public sealed class StandbyReadListener : IConfigureExecution, IDocumentExecutionListener
{
    public float SortOrder => 0;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.Listeners.Add(this);
        return next(options);
    }

    public Task BeforeExecutionAsync(IExecutionContext context)
    {
        if (context.Operation.Operation == OperationType.Query && context.User?.Identity?.IsAuthenticated != true)
            context.RequestServices?.GetService<ReadRouting>()?.AnonymousQuery();
        return Task.CompletedTask;
    }

    public Task AfterValidationAsync(IExecutionContext context, IValidationResult validationResult) => Task.CompletedTask;

    public Task AfterExecutionAsync(IExecutionContext context) => Task.CompletedTask;
}
