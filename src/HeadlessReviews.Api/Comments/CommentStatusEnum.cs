using GraphQL.Types;

namespace HeadlessReviews.Api.Comments;

public sealed class CommentStatusEnum : EnumerationGraphType<CommentStatus>
{
    public CommentStatusEnum()
    {
        Name = "CommentStatus";
        Description = "Whether a comment is shown.";
        foreach (var value in Values)
            value.Description = (CommentStatus)value.Value! switch
            {
                CommentStatus.Pending => "Held for a moderator.",
                CommentStatus.Approved => "Shown to everyone.",
                CommentStatus.Spam => "Judged spam; hidden, kept for review.",
                _ => "Deleted by a moderator; hidden.",
            };
    }
}
