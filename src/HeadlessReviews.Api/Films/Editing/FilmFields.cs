using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Images;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>The fields of a film an editor sets; shared by <see cref="CreateFilm"/> and <see cref="UpdateFilm"/>, checked by <see cref="FilmEditor"/>.</summary>
public class FilmFields : PatchFields
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public int? Year { get; set; }
    public DateOnly? UkReleaseDate { get; set; }
    public int? RuntimeMinutes { get; set; }
    public Certificate? Certificate { get; set; }
    public List<string>? Genres { get; set; }
    public string? Synopsis { get; set; }
    public ImageInput? Poster { get; set; }
    /// <summary>Person ids, as the API gives them (global ids).</summary>
    public List<string>? DirectorIds { get; set; }
    public List<string>? WriterIds { get; set; }
    public List<CastInput>? Cast { get; set; }
}

public sealed class CastInput
{
    public string? PersonId { get; set; }
    public string? Character { get; set; }
    public int? Billing { get; set; }
}
