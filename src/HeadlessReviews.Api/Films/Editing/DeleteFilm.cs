using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>Deletes a film; a reviewed one only with <c>cascade</c>, which deletes its reviews and their comments with it.</summary>
/// <remarks>The reviews' part is <c>Reviews/</c>' <see cref="IDeletionCascade{T}"/>: films know nothing of reviews.</remarks>
public sealed class DeleteFilm(CatalogueEditing<Film, FilmFields> editing, IEnumerable<IDeletionCascade<Film>> cascades) : IEditOperation<DeleteInput, Film>
{
    public Task<EditResult<Film>> HandleAsync(DeleteInput input, CancellationToken cancellationToken) =>
        editing.DeleteAsync(input, cascades.AsStep(), cancellationToken);
}
