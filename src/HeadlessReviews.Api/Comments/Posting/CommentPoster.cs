using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Comments.Subscriptions;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// <c>postComment</c>: a retried post returns its first result, then limits, checks, screening and the
/// policy decide the status, and the comment is stored in one transaction. A real comment is never
/// dropped: when screening cannot decide, it is held as PENDING.
/// </summary>
public sealed class CommentPoster(
    IDocumentSession session,
    IHttpContextAccessor http,
    Viewer viewer,
    CommentSigning signing,
    ClientAddressHasher addresses,
    CommentRateLimiter limiter,
    ICommentScreening screening,
    CommentPolicy policy,
    IOptions<CommentSettings> settings,
    IEventBus bus,
    TimeProvider clock)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<Payload<PostedComment>> PostAsync(PostCommentInput input, CancellationToken cancellationToken)
    {
        var request = http.HttpContext?.Request;
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var addressHash = addresses.Hash(address) ?? "unknown";

        var key = input.ClientMutationId ?? request?.Headers[IdempotencyHeader].FirstOrDefault();
        var idempotencyId = key is { Length: > 0 } ? IdempotencyId(addressHash, key) : null;
        var staleMarker = false;
        if (idempotencyId is not null)
        {
            var (earlier, markerExists) = await EarlierResultAsync(idempotencyId, input.ClientMutationId, cancellationToken);
            if (earlier is not null) return earlier;
            // A marker older than the window (or whose comment is gone) no longer counts: it is replaced.
            staleMarker = markerExists;
        }

        if (!viewer.HasAnyRole([Roles.Editor, Roles.Moderator]) && await limiter.TryAcquireAsync(addressHash, cancellationToken) is { } retryAfter)
            throw RateLimited(retryAfter);

        var checks = new InputChecks();
        var (review, parent) = await CheckTargetsAsync(input, checks, cancellationToken);
        var name = CommentText.Checked(checks, "authorName", CommentText.Name(input.AuthorName), 100);
        var email = Email(input.AuthorEmail, checks);
        var url = AuthorUrl.Normalise(checks, "authorUrl", input.AuthorUrl);
        var body = CommentText.Checked(checks, "body", CommentText.Body(input.Body), 5000);
        if (checks.Failed) return Payload<PostedComment>.Failure(input.ClientMutationId, checks.Errors);

        var result = await screening.ScreenAsync(new CommentSubmission(
            review!.Id, name!, email!, url, body!, address, request?.Headers.UserAgent.ToString(), request?.Headers.Referer.ToString(),
            HoneypotFilled: !string.IsNullOrWhiteSpace(input.Honeypot),
            TimeSinceFormIssued: signing.AgeOf(input.CommentToken, review.Id),
            Permalink: null), cancellationToken);
        var status = policy.Decide(result, await ApprovedCommenters.HasApprovedBeforeAsync(session, name!, email!, cancellationToken));

        var comment = new Comment
        {
            Id = Guid.NewGuid(),
            ReviewId = review.Id,
            ParentId = parent?.Id,
            AuthorName = name!,
            AuthorEmail = email!,
            AuthorUrl = url,
            Body = body!,
            PostedAt = clock.GetStoredNow(),
            Status = status,
            ClientAddressHash = addressHash,
            UserAgent = request?.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 500)] : null,
            SpamVerdict = result.Verdict,
            SpamReasons = [.. result.Reasons],
        };
        session.Insert(comment);
        // In the same transaction as the comment: subscribers hear of it only if it is stored.
        if (status == CommentStatus.Approved) CommentBecameVisible.Publish(bus, session, comment);
        else if (status == CommentStatus.Pending) ModerationQueueChanged.Publish(bus, session, comment);
        if (idempotencyId is not null)
        {
            var marker = new CommentIdempotency { Id = idempotencyId, CommentId = comment.Id, CreatedAt = comment.PostedAt };
            // Insert, never an upsert: of two identical retries racing each other, the second insert of
            // the marker fails on its key (and its comment with it), and it answers with what the first stored.
            if (staleMarker) session.Store(marker);
            else session.Insert(marker);
        }

        if (await SaveAsync(cancellationToken) != SaveOutcome.Saved)
        {
            if (idempotencyId is not null && (await EarlierResultAsync(idempotencyId, input.ClientMutationId, cancellationToken)).Result is { } winner)
                return winner;
            throw new InvalidOperationException("The comment could not be stored.");
        }
        comment.Version = 1;
        return Payload<PostedComment>.Success(input.ClientMutationId, new PostedComment(comment, status));
    }

    /// <summary>Saves the comment (and marker); a marker inserted first by a racing twin is an outcome, not an exception.</summary>
    private async Task<SaveOutcome> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Saving.SaveAsync(session, cancellationToken);
        }
        // Marten reports a duplicate id as its own exception, without the PostgresException Saving looks for.
        catch (DocumentAlreadyExistsException exception) when (exception.DocType == typeof(CommentIdempotency))
        {
            return SaveOutcome.SlugTaken;
        }
    }

    private async Task<(Review? Review, Comment? Parent)> CheckTargetsAsync(PostCommentInput input, InputChecks checks, CancellationToken cancellationToken)
    {
        var reviewId = checks.Id("reviewId", input.ReviewId, "Review");
        var parentId = checks.Id("parentId", input.ParentId, "Comment", required: false);
        if (reviewId is null) return (null, null);

        var review = await session.LoadAsync<Review>(reviewId.Value, cancellationToken);
        if (review is null || !review.IsPublished)
        {
            checks.Add("reviewId", UserErrorCode.NotFound, "There is no published review with this id.");
            return (null, null);
        }
        if (parentId is null) return (review, null);

        var parent = await session.LoadAsync<Comment>(parentId.Value, cancellationToken);
        if (parent is null || parent.Status != CommentStatus.Approved)
            checks.Add("parentId", UserErrorCode.NotFound, "There is no visible comment with this id to reply to.");
        else if (parent.ReviewId != review.Id)
            checks.Add("parentId", UserErrorCode.InvalidState, "The comment replied to belongs to another review.");
        else if (await DepthAsync(parent, cancellationToken) >= settings.Value.MaxReplyDepth)
            checks.Add("parentId", UserErrorCode.OutOfRange, $"Replies nest at most {settings.Value.MaxReplyDepth} deep; reply higher up the thread.");
        return (review, parent);
    }

    /// <summary>How many replies deep a comment sits (0 for one that starts a thread).</summary>
    private async Task<int> DepthAsync(Comment comment, CancellationToken cancellationToken)
    {
        var depth = 0;
        for (var current = comment; current.ParentId is { } parentId && depth <= settings.Value.MaxReplyDepth; depth++)
        {
            var parent = await session.LoadAsync<Comment>(parentId, cancellationToken);
            if (parent is null) break;
            current = parent;
        }
        return depth;
    }

    private static string? Email(string? value, InputChecks checks)
    {
        var email = checks.Text("authorEmail", CommentText.Clean(value, multiline: false), 254);
        if (email is null) return null;
        var valid = MailAddress.TryCreate(email, out var address) && address.Address == email
            && email.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !email.Any(char.IsWhiteSpace);
        if (!valid) checks.Add("authorEmail", UserErrorCode.Format, "`authorEmail` is not an e-mail address.");
        return email;
    }

    /// <summary>The first result of a post with this key, if one was stored within the window; and whether any marker exists for it.</summary>
    private async Task<(Payload<PostedComment>? Result, bool MarkerExists)> EarlierResultAsync(string idempotencyId, string? clientMutationId, CancellationToken cancellationToken)
    {
        await using var fresh = session.DocumentStore.QuerySession();
        var marker = await fresh.LoadAsync<CommentIdempotency>(idempotencyId, cancellationToken);
        if (marker is null) return (null, false);
        if (clock.GetUtcNow() - marker.CreatedAt > settings.Value.IdempotencyWindow) return (null, true);
        var comment = await fresh.LoadAsync<Comment>(marker.CommentId, cancellationToken);
        return (comment is null ? null : Payload<PostedComment>.Success(clientMutationId, new PostedComment(comment, comment.Status)), true);
    }

    private static string IdempotencyId(string addressHash, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{addressHash}|{key}")));

    private ExecutionError RateLimited(TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        if (http.HttpContext is { } context) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var error = new ExecutionError($"Too many comments from this address; try again in {seconds} seconds.") { Code = "RATE_LIMITED" };
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions["retryAfterSeconds"] = seconds;
        return error;
    }
}
