using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authentication;

namespace HeadlessReviews.Api.Accounts;

public static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountSettings>().BindConfiguration(AccountSettings.Section);
        services.ConfigureMarten(ApiTokenStorage.Configure);
        services.AddSingleton<TokenAuthenticator>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddSingleton<IMutationFields, AccountMutations>();
        services.AddSingleton<IQueryFields, AccountQueries>();
        return services;
    }

    private sealed class AccountMutations : IMutationFields
    {
        public void AddTo(MutationType mutation)
        {
            CreateApiToken.AddTo(mutation);
            RevokeApiToken.AddTo(mutation);
        }
    }

    private sealed class AccountQueries : IQueryFields
    {
        public void AddTo(QueryType query) =>
            query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiTokenType>>>>("apiTokens")
                .Description("Every API token, newest first, revoked ones included. Needs ADMIN.")
                .AuthorizeWithRoles(Roles.Admin)
                .ResolveAsync(async context =>
                    await context.RequestServices!.GetRequiredService<IQuerySession>().Query<ApiToken>()
                        .OrderByDescending(token => token.CreatedAt).ToListAsync(context.CancellationToken));
    }
}
