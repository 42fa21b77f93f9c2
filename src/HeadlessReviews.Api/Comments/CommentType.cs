using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Comments.Moderation;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Scalars;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Comments;

public sealed class CommentType : ObjectGraphType<Comment>
{
    public CommentType()
    {
        Name = "Comment";
        Description = "A reader's comment on a review. The author's e-mail address is never part of the public API.";
        this.ImplementNode(comment => comment.Id);
        Field<ReviewType>("review").Description("The review commented on.")
            .Resolve().WithService<ReviewsByIdLoader>().Resolve((context, reviews) => reviews.Load(context.Source.ReviewId));
        Field<CommentType>("parent").Description("The comment this one replies to; null for a comment that starts a thread.")
            .Resolve().WithService<CommentsByIdLoader>().Resolve((context, comments) => context.Source.ParentId is Guid parentId ? comments.Load(parentId) : null);
        Field(x => x.AuthorName).Description("The name the reader gave.");
        Field(x => x.AuthorUrl, nullable: true).Description("The website the reader gave, if any.");
        Field<StringGraphType>("authorEmail").Description("The e-mail address the reader gave. Moderators only: never shown to anyone else.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.AuthorEmail);
        Field<CommentStatusEnum>("status").Description("Whether the comment is shown (approved), held, spam or trashed. Moderators only.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.Status);
        Field<StringGraphType>("clientAddressHash").Description("A keyed hash of the address it was posted from: equal hashes, same place. Moderators only.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.ClientAddressHash);
        Field<StringGraphType>("userAgent").Description("The browser it was posted with, as it named itself. Moderators only.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.UserAgent);
        Field<SpamVerdictEnum>("spamVerdict").Description("What spam screening concluded when it was posted; null for comments older than screening. Moderators only.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.SpamVerdict);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("spamReasons").Description("Why screening gave its verdict, one reason each. Moderators only.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.SpamReasons);
        Field<DateTimeType>("moderatedAt").Description("When a moderator last decided on it; null if none has. Moderators only.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.ModeratedAt);
        Field<StringGraphType>("moderatedBy").Description("Who decided (the API token's name). Moderators only.")
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve(context => context.Source.ModeratedBy);
        Field(x => x.Version).Description("Revision number, raised by every change; moderation decisions pass it as `expectedVersion`.");
        Field(x => x.Body).Description("The comment as plain text, exactly as posted.");
        Field<NonNullGraphType<StringGraphType>>("html").Description("The comment as safe HTML: escaped text in paragraphs, links marked `rel=\"nofollow ugc\"`.")
            .Resolve(context => CommentHtml.Render(context.Source.Body));
        Field(x => x.PostedAt).Description("When it was posted.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommentType>>>>("replies").Description("Approved replies to this comment, oldest first.")
            .Resolve().WithService<CommentRepliesLoader>().Resolve((context, replies) => replies.Load(context.Source.Id));
    }
}
