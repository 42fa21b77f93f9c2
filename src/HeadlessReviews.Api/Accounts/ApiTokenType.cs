using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Accounts;

public sealed class RoleEnum : EnumerationGraphType
{
    public RoleEnum()
    {
        Name = "Role";
        Description = "What a token may do. Anonymous callers are readers.";
        Add(Roles.Editor, Roles.Editor, "Write films, people and reviews; see drafts.");
        Add(Roles.Moderator, Roles.Moderator, "Moderate comments; see commenters' e-mail addresses.");
        Add(Roles.Admin, Roles.Admin, "Everything, including creating and revoking tokens.");
        Add(Roles.Preview, Roles.Preview, "Read drafts and their status as editors do, for a frontend's preview mode; write nothing.");
    }
}

public sealed class ApiTokenType : ObjectGraphType<ApiToken>
{
    public ApiTokenType()
    {
        Name = "ApiToken";
        Description = "An API token (admins only). Its secret is shown once, by `createApiToken`, and never stored.";
        this.ImplementNode(token => token.Id);
        Field(x => x.Name).Description("What the token is for or whose it is.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleEnum>>>>("roles").Description("What the token may do.").Resolve(context => context.Source.Roles);
        Field(x => x.CreatedAt).Description("When it was created.");
        Field(x => x.CreatedBy, nullable: true).Description("Who created it.");
        Field(x => x.LastUsedAt, nullable: true).Description("When it was last used (to the minute).");
        Field(x => x.RevokedAt, nullable: true).Description("When it was revoked; a revoked token is refused.");
    }
}
