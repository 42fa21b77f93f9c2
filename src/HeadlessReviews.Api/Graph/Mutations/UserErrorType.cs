using GraphQL.Types;
using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Graph.Mutations;

public sealed class UserErrorCodeEnum : EnumerationGraphType<UserErrorCode>
{
    public UserErrorCodeEnum()
    {
        Name = "UserErrorCode";
        Description = "What kind of mistake a `UserError` reports; stable, for code to branch on.";
    }
}

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "A mistake in a mutation's input. Nothing was written.";
        Field(x => x.Field).Description("Path to the input field at fault, starting inside `input`: `[\"title\"]`, `[\"cast\", \"2\", \"personId\"]`.");
        Field<NonNullGraphType<UserErrorCodeEnum>>("code").Description("What kind of mistake it is.").Resolve(context => context.Source.Code);
        Field(x => x.Message).Description("What is wrong, in words for a person.");
        Field(x => x.CurrentVersion, nullable: true).Description("For `VERSION_CONFLICT`: the object's version now; reload it and apply the change again.");
    }
}
