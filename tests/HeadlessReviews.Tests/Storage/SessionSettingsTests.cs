using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Storage;

/// <summary>What every connection of the service's pool runs with (Storage/StorageRegistration), as PostgreSQL reports it.</summary>
public sealed class SessionSettingsTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("statement_timeout", "15s")]
    [InlineData("plan_cache_mode", "force_generic_plan")]
    [InlineData("jit", "off")]
    public async Task The_service_sessions_carry_their_settings(string name, string expected)
    {
        await using var session = Api.Store.QuerySession();
        var value = (await session.QueryAsync<string>("select current_setting(?)", name)).Single();
        Assert.Equal(expected, value);
    }
}
