using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Whether an e-mail already has an approved comment: the <c>hasApprovedBefore</c> of <see cref="CommentPolicy"/>.</summary>
public static class ApprovedCommenters
{
    public static async Task<bool> HasApprovedBeforeAsync(IQuerySession session, string email, CancellationToken cancellationToken) =>
        (await session.QueryAsync<int>('^',
            $"select 1 from {Tables.Comments} d where d.status = '{nameof(CommentStatus.Approved)}' and lower(d.data ->> 'AuthorEmail') = ^ limit 1",
            cancellationToken, email.Trim().ToLowerInvariant()).ConfigureAwait(false)).Count > 0;
}
