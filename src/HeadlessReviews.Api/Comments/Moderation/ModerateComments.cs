using GraphQL;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary>
/// One decision for many comments in one transaction. Rows are locked in id order, so two bulk
/// decisions over overlapping comments wait for each other instead of deadlocking. Any unknown id or
/// refused transition is a user error naming its index, and then nothing is written.
/// </summary>
public static class ModerateComments
{
    public static async Task<ModerateCommentsPayload> RunAsync(IResolveFieldContext context, ModerateCommentsInput input)
    {
        var checks = new InputChecks();
        var ids = Decode(input.CommentIds, checks);
        if (checks.Failed) return Failure(input, checks);

        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        await session.BeginTransactionAsync(context.CancellationToken);
        var found = (await session.QueryAsync<Comment>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Comments} d where d.id = any(^) order by d.id for update",
            context.CancellationToken, ids.ToArray())).ToDictionary(comment => comment.Id);

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
        if (checks.Failed) return Failure(input, checks);

        var viewer = services.GetRequiredService<Viewer>();
        var now = services.GetRequiredService<TimeProvider>().GetStoredNow();
        var bus = services.GetRequiredService<IEventBus>();
        foreach (var (comment, target, _) in changes)
            ModerationMutations.Apply(session, bus, comment, target, viewer, now);
        // The rows are locked, so their versions cannot move under us; a conflict here would be a bug.
        if (await Saving.SaveAsync(session, context.CancellationToken) != SaveOutcome.Saved)
            throw new InvalidOperationException("A locked comment changed during a bulk moderation.");
        foreach (var (comment, _, version) in changes) comment.Version = version + 1;
        return new ModerateCommentsPayload(input.ClientMutationId, [.. changes.Select(change => change.Comment)], []);
    }

    private static List<Guid> Decode(List<string> globalIds, InputChecks checks)
    {
        if (globalIds.Count == 0)
            checks.Add("commentIds", UserErrorCode.Required, "`commentIds` needs at least one comment.");
        if (globalIds.Count > ModerationMutations.MaxBulk)
            checks.Add("commentIds", UserErrorCode.OutOfRange, $"`commentIds` may name at most {ModerationMutations.MaxBulk} comments; it names {globalIds.Count}. Send them in several requests.");
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

    private static ModerateCommentsPayload Failure(ModerateCommentsInput input, InputChecks checks) =>
        new(input.ClientMutationId, [], checks.Errors);
}
