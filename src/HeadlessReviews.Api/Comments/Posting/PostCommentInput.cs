using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Comments.Posting;

public sealed class PostCommentInput : MutationInput
{
    public string? ReviewId { get; set; }
    public string? ParentId { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    public string? Body { get; set; }
    public string? CommentToken { get; set; }
    public string? Honeypot { get; set; }
}

public sealed class PostCommentInputType : InputObjectGraphType<PostCommentInput>
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
