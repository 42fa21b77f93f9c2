using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.People.Editing;

/// <summary>A new person: the fields they are given (a name at least).</summary>
public sealed class CreatePersonInput : PersonFields;

/// <summary>Adds a person to the catalogue, their fields checked by <see cref="PersonEditor"/>, their slug made from the name unless given.</summary>
public sealed class CreatePerson(CatalogueEditing<Person, PersonFields> editing) : IEditOperation<CreatePersonInput, Person>
{
    public Task<EditResult<Person>> HandleAsync(CreatePersonInput input, CancellationToken cancellationToken) =>
        editing.CreateAsync(input, cancellationToken);
}
