namespace HeadlessReviews.Api.Execution.Warmup;

public static class WarmupRegistration
{
    /// <summary>
    /// Call before the storage registration: hosted services start in the order they were added, and the
    /// warm-up is meant to run while the database start-up checks the schema.
    /// </summary>
    public static WebApplicationBuilder AddHeadlessReviewsWarmup(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WarmupSettings>().BindConfiguration(WarmupSettings.Section);
        builder.Services.AddSingleton<ExecutionWarmup>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ExecutionWarmup>());
        return builder;
    }
}
