using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>The fields of a review an editor sets; shared by <see cref="CreateReview"/>, <see cref="UpdateReview"/> and restores, checked by <see cref="ReviewEditor"/>.</summary>
public class ReviewFields : PatchFields
{
    /// <summary>Every editable field, as the inputs name them: what a create or a restore sets.</summary>
    public static readonly IReadOnlyList<string> Names = ["filmId", "headline", "slug", "byline", "body", "verdict"];

    /// <summary>The film's id, as the API gives it (a global id).</summary>
    public string? FilmId { get; set; }
    public string? Headline { get; set; }
    public string? Slug { get; set; }
    public string? Byline { get; set; }
    public string? Body { get; set; }
    public VerdictInput? Verdict { get; set; }

    /// <summary>The fields of a recorded revision, every one of them given: what a restore applies.</summary>
    public static ReviewFields From(ReviewSnapshot state) => new()
    {
        FilmId = GlobalId.Encode("Film", state.FilmId),
        Headline = state.Headline,
        Slug = state.Slug,
        Byline = state.Byline,
        Body = state.BodyMarkdown,
        Verdict = new VerdictInput { Rating = state.Verdict.Rating, Summary = state.Verdict.Summary },
        Given = Names.ToHashSet(StringComparer.Ordinal),
    };
}

public sealed class VerdictInput
{
    public VerdictRating? Rating { get; set; }
    public string? Summary { get; set; }
}

/// <summary>A review at the version a change is based on: what publish, unpublish and delete take (and schedule and restore, with more).</summary>
public class ReviewVersionInput
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}
