using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Security.Authentication;
using Marten;

namespace HeadlessReviews.Api.Accounts;

public static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        // A bootstrap secret that could never be presented would leave the service without an admin, silently.
        services.AddOptions<AccountSettings>().BindConfiguration(AccountSettings.Section)
            .Validate(settings => string.IsNullOrEmpty(settings.AdminToken) || TokenSecrets.IsWellFormed(settings.AdminToken),
                "HeadlessReviews:AdminToken must be 17 to 199 letters, digits, '_' or '-' (for example `hr_` and 43 random base64url characters).")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.ConfigureMarten(ApiTokenStorage.Configure);
        // Security authenticates with these tokens through this interface (Accounts -> Security, never back).
        services.AddSingleton<IApiTokenDirectory, ApiTokenDirectory>();
        services.AddSingleton<IMutationFields, AccountMutations>();
        services.AddSingleton<IQueryFields, AccountQueries>();
        // ApiToken is a Node (its id says `node(id:)` fetches it again): for admins only.
        services.AddScoped<ApiTokensByIdLoader>();
        services.AddSingleton(new NodeSource("ApiToken", (provider, id) => provider.GetRequiredService<ApiTokensByIdLoader>().Load(id).Then(token => (object?)token)));
        return services;
    }

    private sealed class AccountMutations : IMutationFields
    {
        public void AddTo(MutationType mutation)
        {
            CreateApiToken.AddTo(mutation);
            UpdateApiToken.AddTo(mutation);
            RevokeApiToken.AddTo(mutation);
        }
    }

    private sealed class AccountQueries : IQueryFields
    {
        public void AddTo(QueryType query) =>
            query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiTokenType>>>>("apiTokens")
                .Description("Every API token, newest first, revoked ones included. Needs ADMIN.")
                .AuthorizeWithRoles(Roles.Admin)
                .Resolve().WithService<IQuerySession>().ResolveAsync(async (context, session) =>
                    await session.Query<ApiToken>()
                        .OrderByDescending(token => token.CreatedAt).ToListAsync(context.CancellationToken));
    }
}
