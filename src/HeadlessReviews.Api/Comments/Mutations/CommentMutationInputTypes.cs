using GraphQL.Types;
using HeadlessReviews.Api.Comments.Moderation;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Comments.Mutations;

public sealed class PostCommentInputType : MutationInputType<PostCommentInput>
{
    public PostCommentInputType()
    {
        Name = "PostCommentInput";
        Description = "A reader's comment. Name and e-mail are required; the e-mail is never published.";
        this.ClientMutationIdField();
        Field<NonNullGraphType<IdGraphType>>("reviewId").Description("The review commented on (published).");
        Field<IdGraphType>("parentId").Description("The comment replied to, on the same review; leave out to start a thread.");
        Field<NonNullGraphType<StringGraphType>>("authorName").Description("The name to show, 1 to 100 characters as a reader sees them; invisible characters are removed.");
        Field<NonNullGraphType<StringGraphType>>("authorEmail").Description("The reader's e-mail address: required, kept for moderators, never published.");
        Field<StringGraphType>("authorUrl").Description("The reader's website: an http or https address (`example.org` is taken as `http://example.org/`), stored normalised.");
        Field<NonNullGraphType<StringGraphType>>("body").Description("The comment as plain text, 1 to 5000 characters as a reader sees them (an emoji is one); blank lines make paragraphs, links are linked.");
        Field<StringGraphType>("commentToken").Description("`Review.commentToken` as read with the page: lets us tell a person from a bot that posts the instant the page loads.");
        Field<StringGraphType>("honeypot").Description("Leave empty. Render it as a field people cannot see; bots fill it in.");
    }
}

public sealed class ModerateCommentInputType : MutationInputType<ModerateCommentInput>
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

public sealed class ModerateCommentsInputType : MutationInputType<ModerateCommentsInput>
{
    public ModerateCommentsInputType()
    {
        Name = "ModerateCommentsInput";
        Description = "One decision for many comments.";
        this.ClientMutationIdField();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("commentIds")
            .Description($"The comments, 1 to {ModerateComments.MaxBulk}, each once.");
        Field<NonNullGraphType<ModerationActionEnum>>("action").Description("What to do with every one of them.");
    }
}
