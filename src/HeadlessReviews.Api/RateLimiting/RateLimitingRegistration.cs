using Marten;

namespace HeadlessReviews.Api.RateLimiting;

public static class RateLimitingRegistration
{
    /// <summary>Shared rate windows and client-address hashing, for whatever a client may do only so often (comments, persisted documents).</summary>
    public static IServiceCollection AddRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ClientAddressSettings>().BindConfiguration(ClientAddressSettings.Section);
        services.AddSingleton<ClientAddressHasher>();
        services.AddSingleton<SharedRateWindows>();
        services.ConfigureMarten(RateWindowStorage.Configure);
        return services;
    }
}
