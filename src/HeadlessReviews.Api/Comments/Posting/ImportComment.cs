using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// A comment brought from another system (a WordPress export), with what that system decided about
/// it: its status, when it was posted, and any spam verdict and reasons.
/// </summary>
/// <remarks>A reply's <see cref="CommentFields.ParentId"/> is a comment imported before it (or earlier in its batch), whatever its status.</remarks>
public sealed class ImportCommentInput : CommentFields
{
    /// <summary>The new comment's id, chosen by the caller so that replies in the same batch can name it; a new one when null.</summary>
    public Guid? Id { get; set; }
    /// <summary>A comment imported before, to bring up to date: it is left alone unless it is still at <see cref="ExpectedVersion"/>.</summary>
    public Guid? ExistingId { get; set; }
    public int? ExpectedVersion { get; set; }
    public DateTimeOffset? PostedAt { get; set; }
    public CommentStatus Status { get; set; } = CommentStatus.Pending;
    public SpamVerdict? SpamVerdict { get; set; }
    public List<string> SpamReasons { get; set; } = [];
    /// <summary>The poster's address as the source kept it; stored only as the keyed hash a posted comment keeps.</summary>
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>One imported comment: a batch of one for <see cref="ImportComments"/>, which stores whole threads.</summary>
public sealed class ImportComment(ImportComments batch) : IEditOperation<ImportCommentInput, Comment>
{
    public async Task<EditResult<Comment>> HandleAsync(ImportCommentInput input, CancellationToken cancellationToken)
    {
        var (results, problem) = await batch.HandleAsync(new ImportCommentsInput { ReviewId = input.ReviewId, Comments = [input] }, cancellationToken);
        if (problem is not null) return EditResult<Comment>.Failure(UserError.At("reviewId", UserErrorCode.NotFound, problem));
        var result = results[0];
        return result.Comment is { } comment && result.Outcome is not ImportedCommentOutcome.Failed
            ? EditResult<Comment>.Success(comment)
            : EditResult<Comment>.Failure(UserError.At("body", UserErrorCode.Format, result.Problem ?? "The comment could not be stored."));
    }
}
