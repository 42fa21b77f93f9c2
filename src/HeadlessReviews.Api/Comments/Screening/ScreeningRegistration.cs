using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeadlessReviews.Api.Comments.Screening;

public static class ScreeningRegistration
{
    /// <summary>Local rules, the optional Akismet checker, the status policy, address hashing and spam retention.</summary>
    public static IServiceCollection AddCommentScreening(this IServiceCollection services)
    {
        services.AddOptions<ScreeningSettings>().BindConfiguration(ScreeningSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CommentPolicySettings>().BindConfiguration(CommentPolicySettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AkismetSettings>().BindConfiguration(AkismetSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SpamRetentionSettings>().BindConfiguration(SpamRetentionSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Cheap rules first; the two that ask the database last (one round trip between them: CommentHistory).
        services.AddScoped<CommentHistory>();
        services.AddScoped<IScreeningRule, HoneypotRule>();
        services.AddScoped<IScreeningRule, FormTimingRule>();
        services.AddScoped<IScreeningRule, UrlOnlyBodyRule>();
        services.AddScoped<IScreeningRule, LinkCountRule>();
        services.AddScoped<IScreeningRule, SpamPhraseRule>();
        services.AddScoped<IScreeningRule, RepeatedBodyRule>();
        services.AddScoped<IScreeningRule, AuthorFloodRule>();

        services.AddSingleton<AkismetPipeline>();
        // The pipeline enforces the budget; HttpClient's own 100 s timeout would only get in its way.
        services.AddHttpClient<IRemoteSpamChecker, AkismetChecker>(http => http.Timeout = Timeout.InfiniteTimeSpan);

        services.AddScoped<ICommentScreening, CommentScreening>();
        services.AddSingleton<CommentPolicy>();
        services.AddSingleton<SpamRetention>();
        services.AddHostedService<SpamRetentionService>();
        return services;
    }
}
