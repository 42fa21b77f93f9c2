using Marten;

namespace HeadlessReviews.Api.Accounts;

public static class ApiTokenStorage
{
    public static void Configure(StoreOptions options) =>
        options.Schema.For<ApiToken>().Duplicate(t => t.SecretHash, configure: index => index.IsUnique = true);
}
