using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Storage;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Security.LiveConnections;
using Marten;

namespace HeadlessReviews.Api.Accounts;

public sealed class RevokeApiTokenInput : MutationInput
{
    public string? Id { get; set; }
}

public sealed class RevokeApiTokenInputType : InputObjectGraphType<RevokeApiTokenInput>
{
    public RevokeApiTokenInputType()
    {
        Name = "RevokeApiTokenInput";
        Description = "The token to revoke.";
        this.ClientMutationIdField();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The token's global id.");
    }
}

/// <summary>
/// <c>revokeApiToken</c>: ADMIN only; effective from the next request, on every instance, and at once on
/// the sockets and event streams already open with the token (see <see cref="ApiTokenChanged"/>).
/// </summary>
public static class RevokeApiToken
{
    public static void AddTo(MutationType mutation) =>
        mutation.Field<PayloadType<ApiTokenType, ApiToken>>("revokeApiToken")
            .Description("Revokes an API token: every request with it is refused from now on, on every instance, and sockets and event streams open with it are closed. Revoking twice keeps the first time. Needs ADMIN.")
            .Argument<NonNullGraphType<RevokeApiTokenInputType>>("input", "The token to revoke.")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve().WithServices<IDocumentSession, TimeProvider, IEventBus>().ResolveAsync(async (context, session, clock, bus) =>
            {
                var input = context.GetArgument<RevokeApiTokenInput>("input");
                var checks = new InputChecks();
                var id = checks.Id("id", input.Id, "ApiToken");
                if (checks.Failed) return Payload<ApiToken>.Failure(input.ClientMutationId, checks.Errors);

                var token = await session.LoadAsync<ApiToken>(id!.Value, context.CancellationToken);
                if (token is null)
                    return Payload<ApiToken>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.NotFound, "There is no API token with this id.")]);
                if (!token.IsRevoked)
                {
                    token.RevokedAt = clock.GetStoredNow();
                    session.Update(token);
                    ApiTokenChanged.Publish(bus, session, token.Id);
                    await session.SaveChangesAsync(context.CancellationToken);
                }
                return Payload<ApiToken>.Success(input.ClientMutationId, token);
            });
}
