using HeadlessReviews.Api.Storage;

namespace HeadlessReviews.Api.Demo;

public static class DemoFeature
{
    public static IServiceCollection AddDemoCatalogue(this IServiceCollection services)
    {
        services.AddOptions<DemoSettings>().BindConfiguration(DemoSettings.Section);
        services.AddSingleton<IDatabaseInitializer, DemoSeeder>();
        return services;
    }
}
