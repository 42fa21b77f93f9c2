using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Graph.Mutations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeadlessReviews.Api.Comments.Posting;

public static class PostingFeature
{
    /// <summary>postComment and what it needs. Call after the screening is registered: it only fills in a default.</summary>
    public static IServiceCollection AddCommentPosting(this IServiceCollection services)
    {
        services.AddOptions<CommentSettings>().BindConfiguration(CommentSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CommentSigning>();
        services.AddSingleton<CommentRateLimiter>();
        services.TryAddSingleton<CommentPolicy>();
        services.TryAddSingleton<ICommentScreening, HeldForModeration>();
        services.AddScoped<CommentPoster>();
        services.AddSingleton<IMutationFields, PostingMutations>();
        return services;
    }

    private sealed class PostingMutations : IMutationFields
    {
        public void AddTo(MutationType mutation) =>
            mutation.Field<PostCommentPayloadType>("postComment")
                .Description("Posts a reader's comment; no token needed. Answers whether it is visible now (`APPROVED`) or held for moderation (`PENDING`). " +
                    "A retry with the same `clientMutationId` (or `Idempotency-Key` header) within 24 hours returns the first result and stores nothing twice. " +
                    "Limited per client address (`RATE_LIMITED` error with `retryAfterSeconds`).")
                .Argument<NonNullGraphType<PostCommentInputType>>("input", "The comment.")
                .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<CommentPoster>()
                    .PostAsync(context.GetArgument<PostCommentInput>("input"), context.CancellationToken));
    }
}
