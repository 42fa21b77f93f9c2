using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>Deleting a person: refused while films credit them, else (<c>cascade</c>) their credits come off the films, each film a new version, announced.</summary>
public sealed class CreditsOfDeletedPerson(IDocumentSession session, ChangeAnnouncer announcer) : IDeletionCascade<Person>
{
    public Task<UserError?> ApplyAsync(Person document, bool cascade, CancellationToken cancellationToken) =>
        RemoveCreditsAsync(document, cascade, cancellationToken);

    private async Task<UserError?> RemoveCreditsAsync(Person person, bool cascade, CancellationToken cancellationToken)
    {
        var films = await CreditedFilmsAsync(person.Id, cancellationToken);
        if (films.Count > 0 && !cascade)
            return UserError.At("id", UserErrorCode.InUse,
                $"{person.Name} is credited on {films.Count} film(s) ({string.Join(", ", films.Take(5).Select(f => f.Slug))}); remove the credits first or pass `cascade: true` to remove them with the person.");

        // Each film's revision bump makes an edit of that film based on its old version lose.
        foreach (var film in films)
        {
            film.DirectorIds.RemoveAll(id => id == person.Id);
            film.WriterIds.RemoveAll(id => id == person.Id);
            film.Cast.RemoveAll(member => member.PersonId == person.Id);
            session.UpdateRevision(film, film.Version + 1);
            announcer.Changed(session, film);
        }
        return null;
    }

    /// <summary>
    /// The films crediting the person in any role, locked in slug order until the deletion commits, so
    /// none is deleted or re-credited in between (and two cascades cannot deadlock).
    /// </summary>
    private async Task<IReadOnlyList<Film>> CreditedFilmsAsync(Guid personId, CancellationToken cancellationToken) =>
        await session.QueryAsync<Film>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Films} d where d.credited_person_ids @> ^ order by d.slug for update",
            cancellationToken, new[] { personId });
}
