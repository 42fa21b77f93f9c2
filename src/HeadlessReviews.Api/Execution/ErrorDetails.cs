using GraphQL;
using GraphQL.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Scalars;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// How errors look to clients: <c>extensions.code</c> (plus the spec rule <c>number</c> for
/// validation errors) and, for a user's mistake, the <c>argument</c> at fault.
/// </summary>
public sealed class ErrorDetails() : ErrorInfoProvider(options =>
{
    // One stable code per error; the legacy list of codes of inner exceptions would name our storage.
    options.ExposeCodes = false;
    options.ExposeData = false;
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (IsUnstorableText(executionError))
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["code"] = UserInputError.ErrorCode;
        }
        if (executionError is UserInputError { Argument: { } argument })
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["argument"] = argument;
        }
        return info;
    }

    // A lone surrogate in a String or ID, found while coercing a variable.
    private static bool IsUnstorableText(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
            if (current is UnstorableTextException) return true;
        return false;
    }
}
