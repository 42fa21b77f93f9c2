using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;

namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary>One decision for many comments.</summary>
public sealed class ModerateCommentsInput
{
    public List<string> CommentIds { get; set; } = [];
    public ModerationAction Action { get; set; }
}

/// <summary>
/// One decision for many comments in one transaction. Rows are locked in id order, so two bulk
/// decisions over overlapping comments wait for each other instead of deadlocking. Any unknown id or
/// refused transition is a user error naming its index, and then nothing is written. The result holds
/// the comments in the order of the ids.
/// </summary>
public sealed class ModerateComments(ModerationDecisions decisions) : IEditOperation<ModerateCommentsInput, IReadOnlyList<Comment>>
{
    public const int MaxBulk = 100;

    public async Task<EditResult<IReadOnlyList<Comment>>> HandleAsync(ModerateCommentsInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var ids = Decode(input.CommentIds, checks);
        if (checks.Failed) return EditResult<IReadOnlyList<Comment>>.Failure(checks.Errors);

        var session = decisions.Session;
        await session.BeginTransactionAsync(cancellationToken);
        var found = (await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d where d.id = any(^) order by d.id for update",
            cancellationToken, ids.ToArray())).ToDictionary(comment => comment.Id);

        var changes = new List<(Comment Comment, CommentStatus Target, int Version)>();
        for (var index = 0; index < ids.Count; index++)
        {
            var field = $"commentIds.{index}";
            if (!found.TryGetValue(ids[index], out var comment))
                checks.Add(field, UserErrorCode.NotFound, $"There is no comment with the id `{field}` names.");
            else if (ModerationTransitions.Target(input.Action, comment.Status) is not { } target)
                checks.Add(field, UserErrorCode.InvalidState, ModerationTransitions.Refusal(input.Action, comment.Status));
            else
                changes.Add((comment, target, comment.Version));
        }
        if (checks.Failed) return EditResult<IReadOnlyList<Comment>>.Failure(checks.Errors);

        // Each comment's update recounts its review in its own statement: take every affected count row
        // now, in id order, so two bulk decisions over the same reviews queue up instead of deadlocking.
        var reviews = changes.Select(change => change.Comment.ReviewId).Distinct().ToArray();
        session.QueueSqlCommand(CommentCountStorage.Lock("?::uuid[]"), reviews);

        var now = decisions.Now();
        foreach (var (comment, target, _) in changes)
            decisions.Apply(comment, target, now);
        // The rows are locked, so their versions cannot move under us; a conflict here would be a bug.
        if (await Saving.SaveAsync(session, cancellationToken) != SaveOutcome.Saved)
            throw new InvalidOperationException("A locked comment changed during a bulk moderation.");
        foreach (var (comment, _, version) in changes) comment.Version = version + 1;
        return EditResult<IReadOnlyList<Comment>>.Success([.. changes.Select(change => change.Comment)]);
    }

    private static List<Guid> Decode(List<string> globalIds, InputChecks checks)
    {
        if (globalIds.Count == 0)
            checks.Add("commentIds", UserErrorCode.Required, "`commentIds` needs at least one comment.");
        if (globalIds.Count > MaxBulk)
            checks.Add("commentIds", UserErrorCode.OutOfRange, $"`commentIds` may name at most {MaxBulk} comments; it names {globalIds.Count}. Send them in several requests.");
        if (checks.Failed) return [];

        var ids = new List<Guid>();
        var seen = new Dictionary<Guid, int>();
        for (var index = 0; index < globalIds.Count; index++)
        {
            var field = $"commentIds.{index}";
            if (checks.Id(field, globalIds[index], "Comment") is not { } id) continue;
            if (!seen.TryAdd(id, index))
                checks.Add(field, UserErrorCode.InvalidState, $"`{field}` repeats `commentIds.{seen[id]}`; name each comment once.");
            ids.Add(id);
        }
        return ids;
    }
}
