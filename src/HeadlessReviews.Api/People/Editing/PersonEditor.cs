using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Images;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.People.Editing;

/// <summary>
/// Checks an editor's person fields and applies them to a person: every mistake is collected as a user
/// error, and the person is only changed in memory (the caller saves it when there are none).
/// </summary>
public sealed class PersonEditor(IDocumentSession session) : IFieldRules<Person, PersonFields>
{
    public EditedKind<Person> Kind { get; } = new("Person", "person", Tables.People, person => person.Id);

    public Person NewDocument() => new() { Id = Guid.NewGuid() };

    public async Task ApplyAsync(Person person, PersonFields input, InputChecks checks, CancellationToken cancellationToken)
    {
        var creating = person.Version == 0;
        if (creating || input.Has("name")) person.Name = checks.Text("name", input.Name, 200) ?? person.Name;
        if (input.Has("bio")) person.Bio = checks.Text("bio", input.Bio, 4000, required: false);
        if (input.Has("image")) person.Image = input.Image is null ? null : ImageChecks.Check(checks, "image", input.Image);

        person.Slug = await SlugLookup.ChooseAsync(session, checks, Tables.People, "person", input.Slug, person.Slug, creating ? person.Name : null, person.Id, cancellationToken);
    }
}
