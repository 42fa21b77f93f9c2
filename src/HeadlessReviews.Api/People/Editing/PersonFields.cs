using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Images;

namespace HeadlessReviews.Api.People.Editing;

/// <summary>The fields of a person an editor sets; shared by <see cref="CreatePerson"/> and <see cref="UpdatePerson"/>, checked by <see cref="PersonEditor"/>.</summary>
public class PersonFields : PatchFields
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Bio { get; set; }
    public ImageInput? Image { get; set; }
}
