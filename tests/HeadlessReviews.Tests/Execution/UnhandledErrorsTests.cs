using GraphQL;
using GraphQL.Execution;
using HeadlessReviews.Api.Execution;
using Npgsql;

namespace HeadlessReviews.Tests.Execution;

public sealed class UnhandledErrorsTests
{
    private static UnhandledExceptionContext Context(Exception exception) =>
        new(new ExecutionOptions(), exception);

    [Fact]
    public async Task A_deadlock_is_a_try_again_error_not_an_internal_one()
    {
        var deadlock = new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01");
        var context = Context(new InvalidOperationException("save failed", deadlock));
        await UnhandledErrors.Handle(context);
        Assert.IsType<TryAgainException>(context.Exception);
        Assert.Contains("nothing was written", context.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_fault_is_masked_with_a_trace_id()
    {
        var context = Context(new InvalidOperationException("connection string has password=secret"));
        await UnhandledErrors.Handle(context);
        Assert.IsType<InternalServerErrorException>(context.Exception);
        Assert.DoesNotContain("secret", context.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("trace", context.ErrorMessage, StringComparison.Ordinal);
    }
}
