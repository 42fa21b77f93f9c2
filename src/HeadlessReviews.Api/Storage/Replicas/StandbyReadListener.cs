using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Npgsql;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// Marks a request as an anonymous query once its document is parsed and valid, before the first resolver
/// opens the request's session: only then may that session be a standby's. When the read-only host went
/// away under the request (its connection broke, or it was shutting down), the operation runs once more,
/// on the primary, in a scope of its own: a lost standby costs that reader time, never an error.
/// </summary>
public sealed class StandbyReadListener(ILogger<StandbyReadListener> logger) : IConfigureExecution, IDocumentExecutionListener
{
    // Innermost: a second attempt repeats execution only, not the persisted-document or cache steps around it.
    public float SortOrder => 1000;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.RequestServices?.GetService<ReadRouting>() is not { } routing) return await next(options).ConfigureAwait(false);
        options.Listeners.Add(this);
        var result = await next(options).ConfigureAwait(false);
        if (!routing.OpenedReadOnly || FailureOf(result) is not { } failure) return result;

        logger.LogWarning(failure, "A read on the read-only hosts failed; running it again on the primary");
        var requestServices = options.RequestServices;
        await using var scope = requestServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ReadRouting>().PrimaryOnly();
        options.RequestServices = scope.ServiceProvider;
        try
        {
            return await next(options).ConfigureAwait(false);
        }
        finally
        {
            options.RequestServices = requestServices;
        }
    }

    /// <summary>A database error under one of the result's errors (unhandled errors keep the exception).</summary>
    private static Exception? FailureOf(ExecutionResult result)
    {
        foreach (var error in result.Errors ?? [])
            for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
                if (cause is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException) return cause;
        return null;
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
