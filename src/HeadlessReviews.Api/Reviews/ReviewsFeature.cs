using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Graph.Subscriptions;
using HeadlessReviews.Api.Reviews.Editing;
using HeadlessReviews.Api.Reviews.Mutations;
using HeadlessReviews.Api.Reviews.Subscriptions;
using Marten;

namespace HeadlessReviews.Api.Reviews;

public static class ReviewsFeature
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.ConfigureMarten(ReviewStorage.Configure);
        services.ConfigureMarten(ReviewCards.Configure);
        services.AddScoped<ReviewsByIdLoader>();
        services.AddSingleton<IAnnouncedNode, ReviewAnnouncedNode>();
        services.AddScoped<ReviewIdsBySlugLoader>();
        services.AddScoped<IReviewLookupReadAlong, ReviewFilmReadAlong>();
        services.AddScoped<ReviewsByFilmLoader>();
        services.AddSingleton<IQueryFields, ReviewQueries>();
        services.AddSingleton<ITypeFields<FilmType>, FilmReviewFields>();
        services.AddScoped<IDeletionCascade<Film>, ReviewsOfDeletedFilm>();
        services.ConfigureMarten(ReviewHistoryStorage.Configure);
        services.AddScoped<RevisionsByReviewLoader>();
        services.AddScoped<ReviewEditor>();
        services.AddScoped<ReviewEdits>();
        services.AddScoped<CreateReview>();
        services.AddScoped<ImportReview>();
        services.AddScoped<UpdateReview>();
        services.AddScoped<PublishReview>();
        services.AddScoped<UnpublishReview>();
        services.AddScoped<ScheduleReview>();
        services.AddScoped<DeleteReview>();
        services.AddScoped<RestoreReviewRevision>();
        services.AddSingleton<IMutationFields, ReviewMutations>();
        services.AddOptions<SchedulingSettings>().BindConfiguration(SchedulingSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScheduledPublishing>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublishing>());
        services.AddSingleton(ReviewPublished.Feed);
        services.AddSingleton<ISubscriptionFields, ReviewSubscriptions>();
        services.AddSingleton(new NodeSource("Review", (provider, id) => provider.GetRequiredService<ReviewsByIdLoader>().Load(id).Then(review => (object?)review)));
        return services;
    }
}
