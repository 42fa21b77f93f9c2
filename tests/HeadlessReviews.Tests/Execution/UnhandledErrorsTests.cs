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

    public static TheoryData<string, Exception> Outages => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)) },
        { "connection cut mid-command", new InvalidOperationException("Marten failed", new NpgsqlException("Exception while reading from stream", new EndOfStreamException())) },
        { "admin shutdown", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "cannot connect now", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03") },
        { "connection failure", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task A_database_outage_is_service_unavailable_not_an_internal_error(string what, Exception outage)
    {
        var context = Context(outage);
        await UnhandledErrors.Handle(context);
        Assert.True(context.Exception is ServiceUnavailableException, what);
        Assert.Contains("database is unavailable", context.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_the_database_answered_is_no_outage()
    {
        var context = Context(new PostgresException("duplicate key", "ERROR", "ERROR", "23505"));
        await UnhandledErrors.Handle(context);
        Assert.IsType<InternalServerErrorException>(context.Exception);
    }
}
