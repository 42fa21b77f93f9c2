using HeadlessReviews.Api.Films.Editing;
using HeadlessReviews.Api.Graph.Mutations;

namespace HeadlessReviews.Api.People.Editing;

/// <summary>The fields of a person an editor sets; shared by <c>createPerson</c> and <c>updatePerson</c>.</summary>
public class PersonFields : PatchInput
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Bio { get; set; }
    public ImageInput? Image { get; set; }
}

public sealed class CreatePersonInput : PersonFields;

public sealed class UpdatePersonInput : PersonFields
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
}

public sealed class DeletePersonInput : MutationInput
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
    public bool Cascade { get; set; }
}
