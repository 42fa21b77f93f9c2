using GraphQL;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Cancels an operation's execution after <see cref="ExecutionSettings.Timeout"/>: resolvers get the
/// cancelled token, so Npgsql cancels the command in flight on the server. The answer is a GraphQL
/// response with <c>data: null</c> and a <c>TIMEOUT</c> error (HTTP 200, as GraphQL over HTTP asks
/// for a response that has a <c>data</c> entry). A subscription's stream is not limited; its subscribe step and each event are.
/// </summary>
public static class ExecutionTimeout
{
    public static async Task<ExecutionResult> RunAsync(ExecutionContext context, TimeSpan timeout, Func<ExecutionContext, Task<ExecutionResult>> execute)
    {
        if (timeout <= TimeSpan.Zero) return await execute(context);
        var caller = context.CancellationToken;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(caller);
        timer.CancelAfter(timeout);
        context.CancellationToken = timer.Token;
        try
        {
            var result = await execute(context);
            // GraphQL.NET answers a cancelled subscription event itself ("The operation was canceled."), without throwing.
            return timer.IsCancellationRequested && !caller.IsCancellationRequested ? TimedOut(timeout) : result;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            return TimedOut(timeout);
        }
        finally
        {
            context.CancellationToken = caller;
        }
    }

    public static ExecutionResult TimedOut(TimeSpan timeout)
    {
        var result = new ExecutionResult { Executed = true };
        result.AddError(TimedOutError(timeout));
        return result;
    }

    public static ExecutionError TimedOutError(TimeSpan timeout) =>
        new($"The operation did not finish within {timeout.TotalSeconds:0.###} s and was cancelled; ask for less, or try again later.") { Code = "TIMEOUT" };
}
