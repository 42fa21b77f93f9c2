using System.Globalization;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Comments.Moderation;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Comments.Mutations;

/// <summary>
/// <c>moderateComment</c> and <c>moderateComments</c> (MODERATOR or ADMIN), and <c>postComment</c> for
/// everyone. Each maps its input to one operation of <c>Comments/Moderation</c> or <c>Comments/Posting</c>.
/// </summary>
public sealed class CommentMutations : IMutationFields
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public void AddTo(MutationType mutation)
    {
        mutation.Field<PayloadType<CommentType, Comment>>("moderateComment")
            .Description("Approves, marks as spam, trashes or restores one comment. Approving makes it visible and counted. Needs MODERATOR.")
            .Argument<NonNullGraphType<ModerateCommentInputType>>("input", "The decision.")
            .AuthorizeWithRoles(Roles.Moderator)
            .ResolvesWith<ModerateComment, ModerateCommentInput, Comment>();

        mutation.Field<NonNullGraphType<ModerateCommentsPayloadType>>("moderateComments")
            .Description($"One decision for up to {ModerateComments.MaxBulk} comments, all in one transaction: every comment is changed, or, when any id is unknown or the action does not apply to it, none is. Needs MODERATOR.")
            .Argument<NonNullGraphType<ModerateCommentsInputType>>("input", "The comments and the decision.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve().WithService<ModerateComments>().ResolveAsync(async (context, operation) =>
            {
                var request = context.GetArgument<MutationRequest<ModerateCommentsInput>>("input");
                var result = await operation.HandleAsync(request.Input, context.CancellationToken);
                return new ModerateCommentsPayload(request.ClientMutationId, result.Document ?? [], result.Errors);
            });

        mutation.Field<PostCommentPayloadType>("postComment")
            .Description("Posts a reader's comment; no token needed. Answers whether it is visible now (`APPROVED`) or held for moderation (`PENDING`). " +
                "A retry with the same `clientMutationId` (or `Idempotency-Key` header) within 24 hours returns the first result and stores nothing twice. " +
                "Limited per client address (`RATE_LIMITED` error with `retryAfterSeconds`).")
            .Argument<NonNullGraphType<PostCommentInputType>>("input", "The comment.")
            .Resolve().WithServices<PostComment, IHttpContextAccessor>().ResolveAsync(async (context, post, http) =>
            {
                var request = context.GetArgument<MutationRequest<PostCommentInput>>("input");
                var headers = http.HttpContext?.Request.Headers;
                var client = new CommentClient(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), headers?.UserAgent.ToString(), headers?.Referer.ToString(),
                    request.ClientMutationId ?? headers?[IdempotencyHeader].FirstOrDefault());
                var result = await post.HandleAsync(request.Input, client, context.CancellationToken);
                if (result.RetryAfter is { } retryAfter) throw RateLimited(http.HttpContext, retryAfter);
                return new Payload<PostedComment>(request.ClientMutationId, result.Posted, result.Errors);
            });
    }

    private static ExecutionError RateLimited(HttpContext? http, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        if (http is not null) http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var error = new ExecutionError($"Too many comments from this address; try again in {seconds} seconds.") { Code = "RATE_LIMITED" };
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions["retryAfterSeconds"] = seconds;
        return error;
    }
}
