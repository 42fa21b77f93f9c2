using System.Diagnostics;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// A fault in a resolver (a bug, the database gone) is logged with a trace id and shown to the
/// client as that id only: no message, no stack trace, unless exposing them is configured.
/// </summary>
public static class UnhandledErrors
{
    public const string ErrorCode = "INTERNAL_SERVER_ERROR";

    public static Task Handle(UnhandledExceptionContext context)
    {
        var services = context.ExecutionOptions.RequestServices;
        var traceId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        services?.GetService<ILoggerFactory>()?.CreateLogger("HeadlessReviews.Api.Execution")
            .LogError(context.OriginalException, "Unhandled error in GraphQL execution (trace {TraceId}) at {Path}",
                traceId, context.FieldContext?.Path is { } path ? string.Join('.', path) : "(request)");
        var expose = services?.GetService<IOptions<ExecutionSettings>>()?.Value.ExposeExceptionDetails == true;
        context.ErrorMessage = expose
            ? $"{context.OriginalException.GetType().Name}: {context.OriginalException.Message} (trace {traceId})"
            : $"Something went wrong on our side (trace {traceId}). It has been logged.";
        return Task.CompletedTask;
    }
}
