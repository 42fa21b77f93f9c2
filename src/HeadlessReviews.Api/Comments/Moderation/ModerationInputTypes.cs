using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Comments.Moderation;

public sealed class ModerateCommentInputType : InputObjectGraphType<ModerateCommentInput>
{
    public ModerateCommentInputType()
    {
        Name = "ModerateCommentInput";
        Description = "One moderation decision.";
        this.ClientMutationIdField();
        Field<NonNullGraphType<IdGraphType>>("commentId").Description("The comment.");
        Field<NonNullGraphType<ModerationActionEnum>>("action").Description("What to do with it.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The comment's `version` the decision is based on; a newer one in the store gives `VERSION_CONFLICT` and changes nothing.");
    }
}

public sealed class ModerateCommentsInputType : InputObjectGraphType<ModerateCommentsInput>
{
    public ModerateCommentsInputType()
    {
        Name = "ModerateCommentsInput";
        Description = "One decision for many comments.";
        this.ClientMutationIdField();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("commentIds")
            .Description($"The comments, 1 to {ModerationMutations.MaxBulk}, each once.");
        Field<NonNullGraphType<ModerationActionEnum>>("action").Description("What to do with every one of them.");
    }
}

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
