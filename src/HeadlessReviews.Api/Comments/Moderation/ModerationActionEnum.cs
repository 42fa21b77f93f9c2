using GraphQL.Types;

namespace HeadlessReviews.Api.Comments.Moderation;

public sealed class ModerationActionEnum : EnumerationGraphType<ModerationAction>
{
    public ModerationActionEnum()
    {
        Name = "ModerationAction";
        Description = "What a moderator does to a comment.";
        foreach (var value in Values)
            value.Description = (ModerationAction)value.Value! switch
            {
                ModerationAction.Approve => "Show it to everyone and count it (from any other status).",
                ModerationAction.Spam => "Mark it spam: hidden, kept for review.",
                ModerationAction.Trash => "Delete it: hidden.",
                _ => "Send a spam or trashed comment back to the queue as PENDING.",
            };
    }
}
