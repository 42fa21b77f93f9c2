using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.People;

/// <summary>A person as webhook receivers are told of it: their id and slug.</summary>
public sealed class PersonAnnouncedNode : IAnnouncedNode
{
    public AnnouncedNode? Describe(object document) => document is Person person
        ? new AnnouncedNode(new Dictionary<string, object?> { ["__typename"] = "Person", ["id"] = GlobalId.Encode("Person", person.Id), ["slug"] = person.Slug }, [])
        : null;
}
