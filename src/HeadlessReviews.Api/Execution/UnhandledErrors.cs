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

    public static Task Handle(UnhandledExceptionContext context)
    {
        var services = context.ExecutionOptions.RequestServices;
        var traceId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        services?.GetService<ILoggerFactory>()?.CreateLogger("HeadlessReviews.Api.Execution")
            .LogError(context.OriginalException, "Unhandled error in GraphQL execution (trace {TraceId}) at {Path}",
                traceId, context.FieldContext?.Path is { } path ? string.Join('.', path) : "(request)");
        var expose = services?.GetService<IOptions<ExecutionSettings>>()?.Value.ExposeExceptionDetails == true;
        // The code names no library: clients see INTERNAL_SERVER_ERROR whatever failed.
        context.Exception = new InternalServerErrorException(context.OriginalException);
        context.ErrorMessage = expose
            ? $"{context.OriginalException.GetType().Name}: {context.OriginalException.Message} (trace {traceId})"
            : $"Something went wrong on our side (trace {traceId}). It has been logged.";
        return Task.CompletedTask;
    }
}

/// <summary>Stands in for any unhandled exception; GraphQL.NET derives the code INTERNAL_SERVER_ERROR from its name.</summary>
public sealed class InternalServerErrorException(Exception inner) : Exception("Internal server error", inner);
