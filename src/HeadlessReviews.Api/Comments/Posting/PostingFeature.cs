using HeadlessReviews.Api.Comments.Screening;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeadlessReviews.Api.Comments.Posting;

public static class PostingFeature
{
    /// <summary>Posting and importing comments, and what they need. Call after the screening is registered: it only fills in a default.</summary>
    public static IServiceCollection AddCommentPosting(this IServiceCollection services)
    {
        services.AddOptions<CommentSettings>().BindConfiguration(CommentSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CommentSigning>();
        services.AddSingleton<CommentRateLimiter>();
        services.TryAddSingleton<CommentPolicy>();
        services.TryAddSingleton<ICommentScreening, HeldForModeration>();
        services.AddScoped<PostComment>();
        services.AddScoped<ImportComments>();
        services.AddScoped<ImportComment>();
        return services;
    }
}
