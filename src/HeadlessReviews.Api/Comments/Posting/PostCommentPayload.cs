using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>The posted comment and where it stands, so a frontend can say "awaiting moderation".</summary>
public sealed record PostedComment(Comment Comment, CommentStatus Status);

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
