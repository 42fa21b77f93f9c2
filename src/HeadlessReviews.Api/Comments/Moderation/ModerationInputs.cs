using HeadlessReviews.Api.Editing;

using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Comments.Moderation;

public sealed class ModerateCommentInput : MutationInput
{
    public string? CommentId { get; set; }
    public ModerationAction Action { get; set; }
    public int? ExpectedVersion { get; set; }
}

public sealed class ModerateCommentsInput : MutationInput
{
    public List<string> CommentIds { get; set; } = [];
    public ModerationAction Action { get; set; }
}

/// <summary>What <c>moderateComments</c> answers: every comment changed, or the errors and nothing changed.</summary>
public sealed record ModerateCommentsPayload(string? ClientMutationId, IReadOnlyList<Comment> Comments, IReadOnlyList<UserError> Errors);
