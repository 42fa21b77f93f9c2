using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Paging;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary>Root field <c>moderationQueue</c>: MODERATOR or ADMIN.</summary>
public sealed class ModerationQueries : IQueryFields
{
    private static readonly SortKey[] Order = [new("d.posted_at", "timestamptz", true), new("d.id", "uuid", true)];

    public void AddTo(QueryType query)
    {
        query.Field<NonNullGraphType<ConnectionType<CommentType, Comment>>>("moderationQueue")
            .Description("Comments of every review with one status, newest first, with what moderators need to judge them (`authorEmail`, `clientAddressHash`, `userAgent`, `spamVerdict`, `spamReasons`). Needs MODERATOR.")
            .Argument<CommentStatusEnum>("status", "Which comments: held ones unless said otherwise.", argument => argument.DefaultValue = CommentStatus.Pending)
            .WithPagingArguments()
            .AuthorizeWithRoles(Roles.Moderator)
            .Resolve().WithServices<IOptions<PagingSettings>, IQuerySession>().ResolveAsync(async (context, paging, session) =>
            {
                var page = PageRequests.From(context, paging.Value);
                var status = context.GetArgument("status", CommentStatus.Pending);
                var list = new KeysetQuery($"{Tables.Comments} d", Order, "moderation:posted-,id-") { Data = DocumentJson.RevisionedColumns("d") }
                    .Where("d.status = ^", status.ToString());
                return await KeysetPager.PageAsync<Comment>(session, list, page, context.CancellationToken);
            });
    }
}
