using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.People.Editing;

/// <summary>Deletes a person; a credited one only with <c>cascade</c>, which takes their credits off the films (each film a new version, announced).</summary>
/// <remarks>The films' part is <c>Films/</c>' <see cref="IDeletionCascade{T}"/>: people know nothing of films.</remarks>
public sealed class DeletePerson(CatalogueEditing<Person, PersonFields> editing, IEnumerable<IDeletionCascade<Person>> cascades)
    : IEditOperation<DeleteInput, Person>
{
    public Task<EditResult<Person>> HandleAsync(DeleteInput input, CancellationToken cancellationToken) =>
        editing.DeleteAsync(input, cascades.AsStep(), cancellationToken);
}
