using GraphQL.Types;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Comments.Mutations;

public sealed class PostCommentPayloadType : ObjectGraphType<Payload<PostedComment>>
{
    public PostCommentPayloadType()
    {
        Name = "PostCommentPayload";
        Description = "The result of posting a comment.";
        Field(x => x.ClientMutationId, nullable: true).Description("The `clientMutationId` of the input, unchanged.");
        Field<CommentType>("comment").Description("The comment as stored; null when the input had errors.").Resolve(context => context.Source.Node?.Comment);
        Field<CommentStatusEnum>("status")
            .Description("`APPROVED`: visible now. `PENDING`: held for a moderator (say so to the reader). `SPAM`: held as spam. Null when the input had errors.")
            .Resolve(context => context.Source.Node?.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("Mistakes in the input; nothing was stored.").Resolve(context => context.Source.Errors);
    }
}

/// <summary>What <c>moderateComments</c> answers: every comment changed, or the errors and nothing changed.</summary>
public sealed record ModerateCommentsPayload(string? ClientMutationId, IReadOnlyList<Comment> Comments, IReadOnlyList<UserError> Errors);

public sealed class ModerateCommentsPayloadType : ObjectGraphType<ModerateCommentsPayload>
{
    public ModerateCommentsPayloadType()
    {
        Name = "ModerateCommentsPayload";
        Description = "The result of `moderateComments`: all the comments changed, or none.";
        Field(x => x.ClientMutationId, nullable: true).Description("The `clientMutationId` of the input, unchanged.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommentType>>>>("comments")
            .Description("The comments as they are after the decision, in the order of `commentIds`; empty when there were errors.")
            .Resolve(context => context.Source.Comments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Mistakes in the input, each naming the index in `commentIds` at fault; when there is any, no comment was changed.")
            .Resolve(context => context.Source.Errors);
    }
}
