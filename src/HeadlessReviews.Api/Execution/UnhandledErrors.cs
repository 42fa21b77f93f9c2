using System.Diagnostics;
using GraphQL.Execution;
using HeadlessReviews.Api.Storage;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// A fault in a resolver (a bug) is logged with a trace id and shown to the client as that id only:
/// no message, no stack trace, unless exposing them is configured. A database outage is no bug: it is
/// SERVICE_UNAVAILABLE, with a Retry-After header while the response has not started.
/// </summary>
public static class UnhandledErrors
{
    /// <summary>The code of an error answered because PostgreSQL could not be reached.</summary>
    public const string ServiceUnavailableCode = "SERVICE_UNAVAILABLE";

    public static Task Handle(UnhandledExceptionContext context)
    {
        var services = context.ExecutionOptions.RequestServices;
        if (IsTransactionCollision(context.OriginalException))
        {
            // Two changes took row locks in opposite orders and PostgreSQL rolled this one back whole:
            // nothing was written, and the same request will very likely succeed now.
            context.Exception = new TryAgainException(context.OriginalException);
            context.ErrorMessage = "This change collided with another saved at the same moment; nothing was written. Send it again.";
            return Task.CompletedTask;
        }
        if (DatabaseUnreachable.Is(context.OriginalException))
        {
            // Not a bug and nothing the client did: said once in the log (DatabaseOutage), and to the client plainly.
            services?.GetService<DatabaseOutage>()?.Report(context.OriginalException);
            if (services?.GetService<IHttpContextAccessor>()?.HttpContext?.Response is { HasStarted: false } response)
                response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Exception = new ServiceUnavailableException(context.OriginalException);
            context.ErrorMessage = "The database is unavailable right now; try again in a few seconds.";
            return Task.CompletedTask;
        }
        if (context.OriginalException is GraphQLMaxDepthExceededException)
        {
            // The parser stops at its nesting limit (to keep its recursion off the stack's end) with an
            // exception GraphQL.NET does not treat as a syntax error; it is one, and the client's.
            context.Exception = new SyntaxErrorException(context.OriginalException);
            context.ErrorMessage = "The document is nested deeper than the parser allows; flatten it (fragments do not help, nesting does).";
            return Task.CompletedTask;
        }
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

    /// <summary>Deadlock (40P01) or serialization failure (40001) anywhere in the chain.</summary>
    private static bool IsTransactionCollision(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
            if (current is Npgsql.PostgresException { SqlState: "40P01" or "40001" }) return true;
        return false;
    }
}

/// <summary>GraphQL.NET derives the code TRY_AGAIN from its name: the request may simply be sent again.</summary>
public sealed class TryAgainException(Exception inner) : Exception("Try again", inner);

/// <summary>GraphQL.NET derives the code SERVICE_UNAVAILABLE from its name: PostgreSQL could not be reached.</summary>
public sealed class ServiceUnavailableException(Exception inner) : Exception("Service unavailable", inner);
/// <summary>GraphQL.NET derives the code SYNTAX_ERROR from its name, as for its own syntax errors.</summary>
public sealed class SyntaxErrorException(Exception inner) : Exception("Syntax error", inner);

/// <summary>Stands in for any unhandled exception; GraphQL.NET derives the code INTERNAL_SERVER_ERROR from its name.</summary>
public sealed class InternalServerErrorException(Exception inner) : Exception("Internal server error", inner);
