using HeadlessReviews.Api.Comments.Moderation;
using HeadlessReviews.Api.Comments.Mutations;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Comments.Subscriptions;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Graph.Subscriptions;
using HeadlessReviews.Api.Reviews;
using Marten;

namespace HeadlessReviews.Api.Comments;

public static class CommentsFeature
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddSingleton<IAnnouncedNode, CommentAnnouncedNode>();
        services.ConfigureMarten(CommentStorage.Configure);
        services.AddScoped<CommentThreadHeads>();
        services.AddScoped<CommentThreadPagesLoader>();
        services.AddScoped<CommentRepliesLoader>();
        services.AddScoped<CommentCountsLoader>();
        services.AddScoped<IReviewReadAlong, CommentCountReadAlong>();
        services.AddScoped<IReviewLookupReadAlong, CommentThreadReadAlong>();
        services.AddScoped<CommentsByIdLoader>();
        services.AddSingleton<ITypeFields<ReviewType>, ReviewCommentFields>();
        services.AddScoped<IDeletionCascade<Review>, CommentsOfDeletedReview>();
        services.AddSingleton<IQueryFields, ModerationQueries>();
        services.AddScoped<ModerationDecisions>();
        services.AddScoped<ModerateComment>();
        services.AddScoped<ModerateComments>();
        services.AddSingleton<IMutationFields, CommentMutations>();
        services.AddSingleton(CommentBecameVisible.Create);
        services.AddSingleton(ModerationQueueChanged.Create);
        services.AddSingleton<ISubscriptionFields, CommentSubscriptions>();
        services.AddCommentScreening();
        // Posting after screening: it only fills in defaults the screening has not registered.
        services.AddCommentPosting();
        services.AddSingleton(new NodeSource("Comment", (provider, id) => provider.GetRequiredService<CommentsByIdLoader>().Load(id).Then(comment => (object?)comment)));
        return services;
    }
}
