using HeadlessReviews.Api.Execution;
using Marten;

namespace HeadlessReviews.Api.People;

/// <summary>People by id, one round trip per batch: every director, writer and actor of a page of films at once.</summary>
public sealed class PeopleByIdLoader(IQuerySession session) : BatchLoader<Guid, Person?>
{
    protected override async Task<IReadOnlyDictionary<Guid, Person?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var people = await session.LoadManyAsync<Person>(cancellationToken, keys).ConfigureAwait(false);
        return people.ToDictionary(person => person.Id, person => (Person?)person);
    }
}
