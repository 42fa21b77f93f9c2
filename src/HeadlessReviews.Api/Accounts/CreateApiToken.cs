using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Storage;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Security;
using Marten;

namespace HeadlessReviews.Api.Accounts;

public sealed class CreateApiTokenInput : MutationInput
{
    public string? Name { get; set; }
    public List<string>? Roles { get; set; }
}

public sealed class CreateApiTokenInputType : InputObjectGraphType<CreateApiTokenInput>
{
    public CreateApiTokenInputType()
    {
        Name = "CreateApiTokenInput";
        Description = "A new token: what it is for and what it may do.";
        this.ClientMutationIdField();
        Field(x => x.Name, nullable: true).Description("What the token is for or whose it is, 1 to 100 characters: `Alex (editor)`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleEnum>>>>("roles").Description("What the token may do; at least one role.");
    }
}

public sealed class CreateApiTokenPayloadType : ObjectGraphType<Payload<IssuedToken>>
{
    public CreateApiTokenPayloadType()
    {
        Name = "CreateApiTokenPayload";
        Description = "The new token and its secret.";
        Field(x => x.ClientMutationId, nullable: true).Description("The `clientMutationId` of the input, unchanged.");
        Field<ApiTokenType>("token").Description("The token; null when the input had errors.").Resolve(context => context.Source.Node?.Token);
        Field<StringGraphType>("secret")
            .Description("The secret to send as `Authorization: Bearer <secret>`. Shown this once: store it now; only its hash is kept.")
            .Resolve(context => context.Source.Node?.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("Mistakes in the input.").Resolve(context => context.Source.Errors);
    }
}

/// <summary><c>createApiToken</c>: ADMIN only.</summary>
public static class CreateApiToken
{
    public static void AddTo(MutationType mutation) =>
        mutation.Field<CreateApiTokenPayloadType>("createApiToken")
            .Description("Creates an API token and shows its secret once. Needs ADMIN.")
            .Argument<NonNullGraphType<CreateApiTokenInputType>>("input", "The token to create.")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve().WithServices<TimeProvider, Viewer, IDocumentSession>().ResolveAsync(async (context, clock, viewer, session) =>
            {
                var input = context.GetArgument<CreateApiTokenInput>("input");
                var checks = new InputChecks();
                var name = checks.Text("name", input.Name, maxLength: 100);
                var roles = (input.Roles ?? []).Distinct().ToList();
                if (roles.Count == 0) checks.Add("roles", UserErrorCode.Required, "Give the token at least one role.");
                if (checks.Failed) return Payload<IssuedToken>.Failure(input.ClientMutationId, checks.Errors);

                var secret = TokenSecrets.Generate();
                var token = new ApiToken
                {
                    Id = Guid.NewGuid(),
                    Name = name!,
                    Roles = roles,
                    SecretHash = TokenSecrets.Hash(secret),
                    CreatedAt = clock.GetStoredNow(),
                    CreatedBy = viewer.Name,
                };
                session.Insert(token);
                await session.SaveChangesAsync(context.CancellationToken);
                return Payload<IssuedToken>.Success(input.ClientMutationId, new IssuedToken(token, secret));
            });
}
