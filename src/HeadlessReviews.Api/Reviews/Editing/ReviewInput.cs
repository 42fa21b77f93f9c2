using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>The fields of a review an editor sets; shared by <c>createReview</c>, <c>updateReview</c> and restores.</summary>
public class ReviewFields : PatchInput
{
    /// <summary>Every editable field, as the inputs name them: what a create or a restore sets.</summary>
    public static readonly IReadOnlyList<string> Names = ["filmId", "headline", "slug", "byline", "body", "verdict"];

    public string? FilmId { get; set; }
    public string? Headline { get; set; }
    public string? Slug { get; set; }
    public string? Byline { get; set; }
    public string? Body { get; set; }
    public VerdictInput? Verdict { get; set; }

    /// <summary>The fields of a recorded revision, every one of them sent: what a restore applies.</summary>
    public static ReviewFields From(ReviewSnapshot state) => new()
    {
        FilmId = GlobalId.Encode("Film", state.FilmId),
        Headline = state.Headline,
        Slug = state.Slug,
        Byline = state.Byline,
        Body = state.BodyMarkdown,
        Verdict = new VerdictInput { Rating = state.Verdict.Rating, Summary = state.Verdict.Summary },
        Sent = Names.ToHashSet(StringComparer.Ordinal),
    };
}

public sealed class CreateReviewInput : ReviewFields;

public sealed class UpdateReviewInput : ReviewFields
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>A review at the version a change is based on: publish, unpublish, delete.</summary>
public class ReviewVersionInput : MutationInput
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}

public sealed class ScheduleReviewInput : ReviewVersionInput
{
    public DateTimeOffset? PublishAt { get; set; }
}

public sealed class RestoreReviewRevisionInput : ReviewVersionInput
{
    public int? Revision { get; set; }
}

public sealed class VerdictInput
{
    public VerdictRating? Rating { get; set; }
    public string? Summary { get; set; }
}
