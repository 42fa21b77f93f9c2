using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using Marten;

namespace HeadlessReviews.Api.Comments;

public static class CommentsFeature
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.ConfigureMarten(CommentStorage.Configure);
        services.AddScoped<ApprovedCommentsByReviewLoader>();
        services.AddScoped<CommentCountsLoader>();
        services.AddScoped<CommentsByIdLoader>();
        services.AddSingleton(new NodeSource("Comment", (provider, id) => provider.GetRequiredService<CommentsByIdLoader>().Load(id).Then(comment => (object?)comment)));
        return services;
    }
}
