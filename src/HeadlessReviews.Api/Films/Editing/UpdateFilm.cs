using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>Changes to a film at the version they are based on: fields left out stay, fields given as null are cleared.</summary>
public sealed class UpdateFilmInput : FilmFields
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>Changes a film: locked, checked against <c>expectedVersion</c>, its given fields checked by <see cref="FilmEditor"/>.</summary>
public sealed class UpdateFilm(CatalogueEditing<Film, FilmFields> editing) : IEditOperation<UpdateFilmInput, Film>
{
    public Task<EditResult<Film>> HandleAsync(UpdateFilmInput input, CancellationToken cancellationToken) =>
        editing.UpdateAsync(input.Id, input.ExpectedVersion, input, cancellationToken);
}
