using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>The comments of one review brought from another system, in one batch; replies may name comments of the batch.</summary>
public sealed class ImportCommentsInput
{
    public string? ReviewId { get; set; }
    public List<ImportCommentInput> Comments { get; set; } = [];
}

/// <summary>What became of one comment of a batch.</summary>
public enum ImportedCommentOutcome
{
    Imported,
    Updated,
    Unchanged,
    /// <summary>Moderated or deleted here since it was imported: left as it is.</summary>
    Conflict,
    /// <summary>Its content could not be stored (see the problem); nothing was written for it.</summary>
    Failed,
}

/// <param name="Warnings">What was changed to store it (an invalid e-mail or website dropped, a missing parent).</param>
public sealed record ImportedComment(ImportCommentInput Input, ImportedCommentOutcome Outcome, Comment? Comment, string? Problem, IReadOnlyList<string> Warnings);

/// <summary>
/// Stores the comments of one review as another system kept them, for a trusted caller (the importer), never a reader:
/// no rate limit, no screening, no policy. Content is normalised as a post's is (<see cref="CommentContent"/>), but what
/// a source may lack (an e-mail, a valid website, a parent it no longer has) is a warning, not a refusal. One load of the
/// review and of the parents outside the batch, one save for the batch: an import of a busy review is one round trip.
/// A comment with <see cref="ImportCommentInput.ExistingId"/> is brought up to date unless it changed here since.
/// Announced like posts (<see cref="CommentChanges"/>) unless the scope's <see cref="ChangeAnnouncer"/> is quiet.
/// </summary>
public sealed class ImportComments(IDocumentSession session, ClientAddressHasher addresses, ChangeAnnouncer announcer, TimeProvider clock)
{
    public const int MaxSpamReasons = 20;

    /// <summary>Null with a problem when the review does not exist; otherwise one result per comment, in order.</summary>
    public async Task<(IReadOnlyList<ImportedComment> Results, string? Problem)> HandleAsync(ImportCommentsInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var reviewKey = checks.Id("reviewId", input.ReviewId, "Review");
        var review = reviewKey is { } id ? await session.LoadAsync<Review>(id, cancellationToken) : null;
        if (review is null) return ([], checks.Failed ? checks.Errors[0].Message : "There is no review with this id.");

        var inBatch = input.Comments.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        var existing = await ExistingAsync(input, inBatch, cancellationToken);
        var stored = new HashSet<Guid>();
        var results = new List<ImportedComment>(input.Comments.Count);
        var writes = 0;
        // One recount of the review for the batch, not one per comment (the count triggers' work is per statement).
        CommentCountStorage.Defer(session);
        foreach (var comment in input.Comments)
        {
            var result = comment.ExistingId is { } existingId && existing.TryGetValue(existingId, out var current)
                ? Update(comment, current, review)
                : comment.ExistingId is not null
                    ? new ImportedComment(comment, ImportedCommentOutcome.Conflict, null, "Deleted here since it was imported.", [])
                    : Insert(comment, review, existing, stored);
            if (result.Outcome is ImportedCommentOutcome.Imported or ImportedCommentOutcome.Updated) writes++;
            if (result.Comment is { } kept) stored.Add(kept.Id);
            results.Add(result);
        }
        CommentCountStorage.Resume(session, [review.Id]);
        if (writes > 0 && await Saving.SaveAsync(session, cancellationToken) != SaveOutcome.Saved)
            throw new InvalidOperationException("The imported comments could not be stored: something they touch changed meanwhile.");
        return (results, null);
    }

    /// <summary>Comments outside the batch that it names (parents, comments to update), one query, with their versions.</summary>
    private async Task<Dictionary<Guid, Comment>> ExistingAsync(ImportCommentsInput input, HashSet<Guid> inBatch, CancellationToken cancellationToken)
    {
        var parents = input.Comments.Select(c => ParentKey(c)).OfType<Guid>().Where(id => !inBatch.Contains(id));
        var updated = input.Comments.Select(c => c.ExistingId).OfType<Guid>();
        var ids = parents.Concat(updated).Distinct().ToArray();
        if (ids.Length == 0) return [];
        var found = await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d where d.id = any(^)", cancellationToken, ids);
        return found.ToDictionary(comment => comment.Id);
    }

    private static Guid? ParentKey(ImportCommentInput comment) =>
        Graph.GlobalId.DecodeAs(comment.ParentId, "Comment");

    private ImportedComment Insert(ImportCommentInput input, Review review, Dictionary<Guid, Comment> existing, HashSet<Guid> stored)
    {
        var warnings = new List<string>();
        if (Content(input, warnings, out var problem) is not { } content)
            return new ImportedComment(input, ImportedCommentOutcome.Failed, null, problem, warnings);

        Comment? parent = null;
        if (ParentKey(input) is { } parentId)
        {
            if (existing.TryGetValue(parentId, out var outside) && outside.ReviewId == review.Id) parent = outside;
            else if (stored.Contains(parentId)) parent = new Comment { Id = parentId, ReviewId = review.Id };
            else warnings.Add("Its parent is not there; it starts a thread of its own.");
        }
        var comment = new CommentThread(review, parent).NewComment(input.Id ?? Guid.NewGuid(), content, input.Status, StoredTime.ToStored(input.PostedAt!.Value));
        comment.ClientAddressHash = addresses.Hash(input.ClientAddress);
        comment.UserAgent = CommentClient.StoredUserAgent(input.UserAgent);
        comment.SpamVerdict = input.SpamVerdict;
        comment.SpamReasons = [.. input.SpamReasons];
        session.Insert(comment);
        CommentChanges.Added(announcer, session, comment);
        comment.Version = 1;
        return new ImportedComment(input, ImportedCommentOutcome.Imported, comment, null, warnings);
    }

    private ImportedComment Update(ImportCommentInput input, Comment current, Review review)
    {
        if (current.ReviewId != review.Id || current.Version != input.ExpectedVersion)
            return new ImportedComment(input, ImportedCommentOutcome.Conflict, current, "Moderated or changed here since it was imported.", []);
        var warnings = new List<string>();
        if (Content(input, warnings, out var problem) is not { } content)
            return new ImportedComment(input, ImportedCommentOutcome.Failed, current, problem, warnings);

        var wasVisible = current.Status == CommentStatus.Approved;
        var same = current.AuthorName == content.AuthorName && current.AuthorEmail == content.AuthorEmail && current.AuthorUrl == content.AuthorUrl
            && current.Body == content.Body && current.Status == input.Status && current.SpamVerdict == input.SpamVerdict
            && current.SpamReasons.SequenceEqual(input.SpamReasons);
        if (same) return new ImportedComment(input, ImportedCommentOutcome.Unchanged, current, null, warnings);

        (current.AuthorName, current.AuthorEmail, current.AuthorUrl, current.Body) = (content.AuthorName, content.AuthorEmail, content.AuthorUrl, content.Body);
        current.Status = input.Status;
        current.SpamVerdict = input.SpamVerdict;
        current.SpamReasons = [.. input.SpamReasons];
        session.UpdateRevision(current, current.Version + 1);
        CommentChanges.Moderated(announcer, session, current, wasVisible);
        current.Version++;
        return new ImportedComment(input, ImportedCommentOutcome.Updated, current, null, warnings);
    }

    /// <summary>
    /// The content as stored. A source's missing name is WordPress's "Anonymous"; a missing or malformed e-mail or
    /// website is left out with a warning (a reader's post would be refused; an old comment is kept).
    /// </summary>
    private CommentContent? Content(ImportCommentInput input, List<string> warnings, out string? problem)
    {
        problem = null;
        if (input.PostedAt is null) { problem = "It has no date."; return null; }
        if (input.PostedAt > clock.GetUtcNow()) { problem = "Its date is in the future."; return null; }
        if (input.SpamReasons.Count > MaxSpamReasons) input.SpamReasons = input.SpamReasons[..MaxSpamReasons];

        var name = CommentText.Name(input.AuthorName);
        var fields = new Checked
        {
            AuthorName = name.Length == 0 ? "Anonymous" : name.Length > CommentContent.MaxNameLength ? name[..CommentContent.MaxNameLength].TrimEnd() : name,
            AuthorEmail = input.AuthorEmail,
            AuthorUrl = input.AuthorUrl,
            Body = input.Body,
        };
        var checks = new InputChecks();
        if (CommentContent.Check(checks, fields, emailRequired: false) is { } content) return content;

        // Only a malformed e-mail or website is left out (and reported); any other mistake refuses the comment.
        var faulty = checks.Errors.Select(error => string.Join('.', error.Field)).ToHashSet();
        var refusals = checks.Errors.Where(error => string.Join('.', error.Field) is not ("authorEmail" or "authorUrl")).ToList();
        if (refusals.Count > 0)
        {
            problem = string.Join(" ", refusals.Select(error => error.Message));
            return null;
        }
        if (faulty.Contains("authorEmail"))
        {
            warnings.Add($"Its e-mail address \"{fields.AuthorEmail}\" is not one; left out.");
            fields.AuthorEmail = null;
        }
        if (faulty.Contains("authorUrl"))
        {
            warnings.Add($"Its website \"{fields.AuthorUrl}\" is not an http(s) address; left out.");
            fields.AuthorUrl = null;
        }
        return CommentContent.Check(new InputChecks(), fields, emailRequired: false);
    }

    private sealed class Checked : CommentFields;
}
