using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>A reader's comment as the form sends it.</summary>
public sealed class PostCommentInput : CommentFields
{
    public string? CommentToken { get; set; }
    public string? Honeypot { get; set; }
}

/// <summary>Who sent the post, as the transport knows it; <paramref name="IdempotencyKey"/> makes a retry return the first result.</summary>
public sealed record CommentClient(string? Address, string? UserAgent, string? Referrer, string? IdempotencyKey)
{
    public const int MaxStoredUserAgentLength = 500;

    /// <summary>The user agent as kept for moderators: none when blank, cut to <see cref="MaxStoredUserAgentLength"/>.</summary>
    public static string? StoredUserAgent(string? agent) => agent is { Length: > 0 } ? agent[..Math.Min(agent.Length, MaxStoredUserAgentLength)] : null;
}

/// <summary>The posted comment and where it stands, so a frontend can say "awaiting moderation".</summary>
public sealed record PostedComment(Comment Comment, CommentStatus Status);

/// <summary>How a post ended: the comment, or the user errors and nothing stored, or refused by the rate limit until <see cref="RetryAfter"/> has passed.</summary>
public sealed record PostCommentResult(PostedComment? Posted, IReadOnlyList<UserError> Errors, TimeSpan? RetryAfter = null)
{
    public static PostCommentResult Success(Comment comment) => new(new PostedComment(comment, comment.Status), []);
}

/// <summary>
/// Posts a reader's comment: a retried post returns its first result, then the rate limit, the checks,
/// screening and the policy decide the status, and the comment is stored in one transaction and
/// announced (<see cref="CommentChanges.Added"/>). A real comment is never dropped: when screening
/// cannot decide, it is held as PENDING. Imports take <see cref="ImportComment"/> instead.
/// </summary>
public sealed class PostComment(
    IDocumentSession session,
    Viewer viewer,
    CommentSigning signing,
    ClientAddressHasher addresses,
    CommentRateLimiter limiter,
    ICommentScreening screening,
    CommentHistory history,
    CommentPolicy policy,
    IOptions<CommentSettings> settings,
    ChangeAnnouncer announcer,
    TimeProvider clock)
{
    public async Task<PostCommentResult> HandleAsync(PostCommentInput input, CommentClient client, CancellationToken cancellationToken)
    {
        var address = client.Address ?? "unknown";
        var addressHash = addresses.Hash(address) ?? "unknown";

        var idempotencyId = client.IdempotencyKey is { Length: > 0 } key ? CommentIdempotency.IdOf(addressHash, key) : null;
        var staleMarker = false;
        if (idempotencyId is not null)
        {
            var (earlier, markerExists) = await EarlierAsync(idempotencyId, cancellationToken);
            if (earlier is not null) return PostCommentResult.Success(earlier);
            staleMarker = markerExists;
        }

        if (!viewer.HasAnyRole([Roles.Editor, Roles.Moderator]) && await limiter.TryAcquireAsync(addressHash, cancellationToken) is { } retryAfter)
            return new PostCommentResult(null, [], retryAfter);

        var checks = new InputChecks();
        var thread = await CommentThread.CheckAsync(session, checks, input, settings.Value.MaxReplyDepth, cancellationToken);
        var content = CommentContent.Check(checks, input);
        if (checks.Failed) return new PostCommentResult(null, checks.Errors);

        var submission = new CommentSubmission(
            thread!.Review.Id, content!.AuthorName, content.AuthorEmail, content.AuthorUrl, content.Body, address, client.UserAgent, client.Referrer,
            HoneypotFilled: !string.IsNullOrWhiteSpace(input.Honeypot),
            TimeSinceFormIssued: signing.AgeOf(input.CommentToken, thread.Review.Id),
            Permalink: null);
        var result = await screening.ScreenAsync(submission, cancellationToken);
        // Read with the rules' counts: one round trip for all that earlier comments say.
        var status = policy.Decide(result, (await history.OfAsync(submission, cancellationToken)).ApprovedBefore);

        var comment = thread.NewComment(Guid.NewGuid(), content, status, clock.GetStoredNow());
        comment.ClientAddressHash = addressHash;
        comment.UserAgent = CommentClient.StoredUserAgent(client.UserAgent);
        comment.SpamVerdict = result.Verdict;
        comment.SpamReasons = [.. result.Reasons];
        session.Insert(comment);
        CommentChanges.Added(announcer, session, comment);
        if (idempotencyId is not null)
        {
            var marker = new CommentIdempotency { Id = idempotencyId, CommentId = comment.Id, CreatedAt = comment.PostedAt };
            // Insert, never an upsert: of two identical retries racing each other, the second insert of
            // the marker fails on its key (and its comment with it), and it answers with what the first stored.
            if (staleMarker) session.Store(marker);
            else session.Insert(marker);
        }

        if (await Saving.SaveAsync(session, cancellationToken) != SaveOutcome.Saved)
        {
            if (idempotencyId is not null && (await EarlierAsync(idempotencyId, cancellationToken)).Comment is { } winner)
                return PostCommentResult.Success(winner);
            throw new InvalidOperationException("The comment could not be stored.");
        }
        comment.Version = 1;
        return PostCommentResult.Success(comment);
    }

    private Task<(Comment? Comment, bool MarkerExists)> EarlierAsync(string idempotencyId, CancellationToken cancellationToken) =>
        CommentIdempotency.EarlierAsync(session.DocumentStore, idempotencyId, settings.Value.IdempotencyWindow, clock.GetUtcNow(), cancellationToken);
}
