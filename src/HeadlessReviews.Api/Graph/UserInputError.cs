using GraphQL;

namespace HeadlessReviews.Api.Graph;

/// <summary>
/// A request the caller can fix (a page too large, a malformed cursor): answered with
/// <c>extensions.code</c> <c>BAD_USER_INPUT</c> and the argument at fault, never logged as a fault.
/// </summary>
public sealed class UserInputError : ExecutionError
{
    public const string ErrorCode = "BAD_USER_INPUT";

    public UserInputError(string argument, string message) : base(message)
    {
        Code = ErrorCode;
        Argument = argument;
    }

    /// <summary>The argument (or input field path) at fault, shown as <c>extensions.argument</c>.</summary>
    public string Argument { get; }
}
