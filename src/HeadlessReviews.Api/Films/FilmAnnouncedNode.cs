using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Films;

/// <summary>A film as webhook receivers are told of it: its id and slug.</summary>
public sealed class FilmAnnouncedNode : IAnnouncedNode
{
    public AnnouncedNode? Describe(object document) => document is Film film
        ? new AnnouncedNode(new Dictionary<string, object?> { ["__typename"] = "Film", ["id"] = GlobalId.Encode("Film", film.Id), ["slug"] = film.Slug }, [])
        : null;
}
