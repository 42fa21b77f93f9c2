namespace HeadlessReviews.Api.Realtime;

public static class RealtimeRegistration
{
    /// <summary>The event bus on PostgreSQL LISTEN/NOTIFY and its listener.</summary>
    public static WebApplicationBuilder AddHeadlessReviewsRealtime(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RealtimeSettings>().BindConfiguration(RealtimeSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PostgresEventBus>();
        services.AddSingleton<IEventBus>(provider => provider.GetRequiredService<PostgresEventBus>());
        services.AddSingleton<PostgresListener>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresListener>());
        return builder;
    }
}
