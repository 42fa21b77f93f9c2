namespace HeadlessReviews.Api.Comments.Moderation;

/// <summary>What a moderator does to a comment.</summary>
public enum ModerationAction
{
    Approve,
    Spam,
    Trash,
    Restore,
}

public static class ModerationTransitions
{
    /// <summary>
    /// The status the action leads to from <paramref name="current"/>, or null when it does not apply:
    /// an action that would leave the status as it is, or a restore of a comment that is neither spam
    /// nor trashed. Refusing those (rather than doing nothing) tells a moderator their view is stale.
    /// </summary>
    public static CommentStatus? Target(ModerationAction action, CommentStatus current)
    {
        CommentStatus? target = action switch
        {
            ModerationAction.Approve => CommentStatus.Approved,
            ModerationAction.Spam => CommentStatus.Spam,
            ModerationAction.Trash => CommentStatus.Trash,
            _ => current is CommentStatus.Spam or CommentStatus.Trash ? CommentStatus.Pending : null,
        };
        return target == current ? null : target;
    }

    public static string Refusal(ModerationAction action, CommentStatus current) => action == ModerationAction.Restore
        ? $"Only spam or trashed comments can be restored; this one is {current.ToString().ToUpperInvariant()}."
        : $"The comment is already {current.ToString().ToUpperInvariant()}.";
}
