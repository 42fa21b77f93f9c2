using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Demo;

/// <summary>
/// The demo content loaded when <c>HeadlessReviews:SeedDemoData</c> is on and the store is empty,
/// and the fixture tests and snapshots are written against. Ids and times are fixed.
/// </summary>
public sealed record DemoCatalogue(
    IReadOnlyList<Film> Films,
    IReadOnlyList<Person> People,
    IReadOnlyList<Review> Reviews,
    IReadOnlyList<Comment> Comments)
{
    public static DemoCatalogue Build()
    {
        var catalogue = new DemoCatalogue(DemoFilms.Build(), DemoPeople.Build(), DemoReviews.Build(), DemoComments.Build());
        catalogue.EnsureConsistent();
        return catalogue;
    }

    // The parts are written by hand and refer to each other by slug; a typo would otherwise
    // surface much later as a null film or a missing credit in some resolver.
    private void EnsureConsistent()
    {
        var personIds = People.Select(p => p.Id).ToHashSet();
        var filmIds = Films.Select(f => f.Id).ToHashSet();
        var reviewIds = Reviews.Select(r => r.Id).ToHashSet();
        var commentsById = Comments.ToDictionary(c => c.Id);

        var problems = new List<string>();
        problems.AddRange(Duplicates("person", People.Select(p => p.Slug)));
        problems.AddRange(Duplicates("film", Films.Select(f => f.Slug)));
        problems.AddRange(Duplicates("review", Reviews.Select(r => r.Slug)));
        problems.AddRange(Films
            .Where(f => f.CreditedPersonIds.Any(id => !personIds.Contains(id)))
            .Select(f => $"film '{f.Slug}' credits a person who is not in DemoPeople"));
        problems.AddRange(Reviews
            .Where(r => !filmIds.Contains(r.FilmId))
            .Select(r => $"review '{r.Slug}' is about a film that is not in DemoFilms"));
        problems.AddRange(Comments
            .Where(c => !reviewIds.Contains(c.ReviewId))
            .Select(c => $"comment by '{c.AuthorName}' is on a review that is not in DemoReviews"));
        problems.AddRange(Comments
            .Where(c => c.ParentId is { } parentId
                && (!commentsById.TryGetValue(parentId, out var parent)
                    || parent.ReviewId != c.ReviewId
                    || parent.Status != CommentStatus.Approved))
            .Select(c => $"comment by '{c.AuthorName}' replies to a comment that is missing, unapproved or on another review"));

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The demo catalogue is inconsistent: " + string.Join("; ", problems));
        }
    }

    private static IEnumerable<string> Duplicates(string kind, IEnumerable<string> slugs) =>
        slugs.GroupBy(slug => slug, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => $"{kind} slug '{group.Key}' is used more than once");
}
