using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>The fields of a film an editor sets; shared by <c>createFilm</c> and <c>updateFilm</c>.</summary>
public class FilmFields : PatchInput
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
    public List<string>? DirectorIds { get; set; }
    public List<string>? WriterIds { get; set; }
    public List<CastInput>? Cast { get; set; }
}

public sealed class CreateFilmInput : FilmFields;

public sealed class UpdateFilmInput : FilmFields
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}

public sealed class DeleteFilmInput : MutationInput
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
    public bool Cascade { get; set; }
}

public sealed class CastInput
{
    public string? PersonId { get; set; }
    public string? Character { get; set; }
    public int? Billing { get; set; }
}

public sealed class ImageInput
{
    public string? Url { get; set; }
    public string? AltText { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
}
