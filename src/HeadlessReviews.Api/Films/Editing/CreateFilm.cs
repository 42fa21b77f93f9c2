using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>A new film: the fields it is given (title and year at least).</summary>
public sealed class CreateFilmInput : FilmFields;

/// <summary>Adds a film to the catalogue, its fields checked by <see cref="FilmEditor"/>, its slug made from the title unless given.</summary>
public sealed class CreateFilm(CatalogueEditing<Film, FilmFields> editing) : IEditOperation<CreateFilmInput, Film>
{
    public Task<EditResult<Film>> HandleAsync(CreateFilmInput input, CancellationToken cancellationToken) =>
        editing.CreateAsync(input, cancellationToken);
}
