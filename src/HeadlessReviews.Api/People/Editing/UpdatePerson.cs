using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.People.Editing;

/// <summary>Changes to a person at the version they are based on: fields left out stay, fields given as null are cleared.</summary>
public sealed class UpdatePersonInput : PersonFields
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>Changes a person: locked, checked against <c>expectedVersion</c>, the given fields checked by <see cref="PersonEditor"/>.</summary>
public sealed class UpdatePerson(CatalogueEditing<Person, PersonFields> editing) : IEditOperation<UpdatePersonInput, Person>
{
    public Task<EditResult<Person>> HandleAsync(UpdatePersonInput input, CancellationToken cancellationToken) =>
        editing.UpdateAsync(input.Id, input.ExpectedVersion, input, cancellationToken);
}
