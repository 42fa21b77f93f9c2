using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Security.LiveConnections;
using Marten;
using Marten.Patching;

namespace HeadlessReviews.Api.Accounts;

public sealed class UpdateApiTokenInput : MutationInput
{
    public string? Id { get; set; }
    public List<string>? Roles { get; set; }
}

public sealed class UpdateApiTokenInputType : InputObjectGraphType<UpdateApiTokenInput>
{
    public UpdateApiTokenInputType()
    {
        Name = "UpdateApiTokenInput";
        Description = "A token and the roles it has from now on.";
        this.ClientMutationIdField();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The token's global id.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleEnum>>>>("roles").Description("What the token may do from now on; at least one role. Replaces its roles.");
    }
}

/// <summary>
/// <c>updateApiToken</c>: ADMIN only. Effective from the next request on every instance; sockets and
/// event streams already open with the token are re-checked at once (see <see cref="ApiTokenChanged"/>).
/// </summary>
public static class UpdateApiToken
{
    public static void AddTo(MutationType mutation) =>
        mutation.Field<PayloadType<ApiTokenType, ApiToken>>("updateApiToken")
            .Description("Gives an API token new roles, from the next request on, on every instance; a socket or event stream open with it that loses a role is closed. A revoked token cannot be changed. Needs ADMIN.")
            .Argument<NonNullGraphType<UpdateApiTokenInputType>>("input", "The token and its new roles.")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve().WithServices<IDocumentSession, IEventBus>().ResolveAsync(async (context, session, bus) =>
            {
                var input = context.GetArgument<UpdateApiTokenInput>("input");
                var checks = new InputChecks();
                var id = checks.Id("id", input.Id, "ApiToken");
                var roles = (input.Roles ?? []).Distinct().ToList();
                if (roles.Count == 0) checks.Add("roles", UserErrorCode.Required, "Give the token at least one role.");
                if (checks.Failed) return Payload<ApiToken>.Failure(input.ClientMutationId, checks.Errors);

                var token = await session.LoadAsync<ApiToken>(id!.Value, context.CancellationToken);
                if (token is null)
                    return Payload<ApiToken>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.NotFound, "There is no API token with this id.")]);
                if (token.IsRevoked)
                    return Payload<ApiToken>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.InvalidState, "The token is revoked, and stays so: create a new one.")], token);
                if (!token.Roles.ToHashSet(StringComparer.Ordinal).SetEquals(roles))
                {
                    token.Roles = roles;
                    // A patch of the roles alone: a revocation committed meanwhile is never written back.
                    session.Patch<ApiToken>(token.Id).Set(t => t.Roles, roles);
                    ApiTokenChanged.Publish(bus, session, token.Id);
                    await session.SaveChangesAsync(context.CancellationToken);
                }
                return Payload<ApiToken>.Success(input.ClientMutationId, token);
            });
}
