using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// A comment brought from another system (a WordPress export), with what that system decided about
/// it: its status, when it was posted, and any spam verdict and reasons.
/// </summary>
/// <remarks>A reply's <see cref="CommentFields.ParentId"/> is a comment imported before it, whatever its status.</remarks>
public sealed class ImportCommentInput : CommentFields
{
    public DateTimeOffset? PostedAt { get; set; }
    public CommentStatus Status { get; set; } = CommentStatus.Pending;
    public SpamVerdict? SpamVerdict { get; set; }
    public List<string> SpamReasons { get; set; } = [];
    /// <summary>The poster's address as the source kept it; stored only as the keyed hash a posted comment keeps.</summary>
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>
/// Stores an imported comment as it is given, for a trusted caller (the importer), never a reader: no
/// rate limit, no screening, no policy, no idempotency key. Its name, e-mail, website and body are
/// checked and normalised as a post's are (<see cref="CommentContent"/>), and its thread must exist;
/// what readers see and count follows from its status as for any comment. It is announced like a post
/// (<see cref="CommentChanges.Added"/>) unless the caller quiets the scope's <see cref="ChangeAnnouncer"/>,
/// as an import that sends one summary at its end does.
/// </summary>
public sealed class ImportComment(IDocumentSession session, ClientAddressHasher addresses, ChangeAnnouncer announcer, TimeProvider clock)
    : IEditOperation<ImportCommentInput, Comment>
{
    public const int MaxSpamReasons = 20;

    public async Task<EditResult<Comment>> HandleAsync(ImportCommentInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var thread = await CommentThread.CheckAsync(session, checks, input, maxReplyDepth: null, cancellationToken);
        var content = CommentContent.Check(checks, input);
        if (input.PostedAt is null) checks.Add("postedAt", UserErrorCode.Required, "`postedAt` is required.");
        else if (input.PostedAt > clock.GetUtcNow()) checks.Add("postedAt", UserErrorCode.OutOfRange, "`postedAt` must not be in the future.");
        if (input.SpamReasons.Count > MaxSpamReasons)
            checks.Add("spamReasons", UserErrorCode.OutOfRange, $"`spamReasons` may hold at most {MaxSpamReasons} reasons; it holds {input.SpamReasons.Count}.");
        if (checks.Failed) return EditResult<Comment>.Failure(checks.Errors);

        var comment = thread!.NewComment(Guid.NewGuid(), content!, input.Status, StoredTime.ToStored(input.PostedAt!.Value));
        comment.ClientAddressHash = addresses.Hash(input.ClientAddress);
        comment.UserAgent = CommentClient.StoredUserAgent(input.UserAgent);
        comment.SpamVerdict = input.SpamVerdict;
        comment.SpamReasons = [.. input.SpamReasons];
        session.Insert(comment);
        CommentChanges.Added(announcer, session, comment);
        if (await Saving.SaveAsync(session, cancellationToken) != SaveOutcome.Saved)
            throw new InvalidOperationException("The imported comment could not be stored.");
        comment.Version = 1;
        return EditResult<Comment>.Success(comment);
    }
}
