using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.People.Editing;

/// <summary><c>createPerson</c>, <c>updatePerson</c>, <c>deletePerson</c>: EDITOR or ADMIN.</summary>
public sealed class PersonMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<PayloadType<PersonType, Person>>("createPerson")
            .Description("Adds a person to the catalogue; credit them on films with `createFilm`/`updateFilm`. Needs EDITOR.")
            .Argument<NonNullGraphType<CreatePersonInputType>>("input", "The new person.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolveAsync(async context => await CreateAsync(context, context.GetArgument<CreatePersonInput>("input")));

        mutation.Field<PayloadType<PersonType, Person>>("updatePerson")
            .Description("Changes a person. Needs EDITOR.")
            .Argument<NonNullGraphType<UpdatePersonInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolveAsync(async context => await UpdateAsync(context, context.GetArgument<UpdatePersonInput>("input")));

        mutation.Field<PayloadType<PersonType, Person>>("deletePerson")
            .Description("Deletes a person. A person credited on films is kept unless `cascade` is set. Needs EDITOR.")
            .Argument<NonNullGraphType<DeletePersonInputType>>("input", "The person to delete.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolveAsync(async context => await DeleteAsync(context, context.GetArgument<DeletePersonInput>("input")));
    }

    private static readonly EditedKind<Person> Kind = new("Person", "person", Tables.People, person => person.Id);

    private static async Task<Payload<Person>> CreateAsync(IResolveFieldContext context, CreatePersonInput input)
    {
        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        var person = new Person { Id = Guid.NewGuid() };
        var checks = new InputChecks();
        await services.GetRequiredService<PersonEditor>().ApplyAsync(person, input, checks, context.CancellationToken);
        if (checks.Failed) return Payload<Person>.Failure(input.ClientMutationId, checks.Errors);

        session.Insert(person);
        services.GetRequiredService<ChangeAnnouncer>().Changed(session, person);
        return await VersionedEditing.SaveAsync(session, Kind, person, input.ClientMutationId, expectedVersion: 0, context.CancellationToken);
    }

    private static async Task<Payload<Person>> UpdateAsync(IResolveFieldContext context, UpdatePersonInput input)
    {
        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        var (person, failure) = await VersionedEditing.LockAsync(session, Kind, input.Id, input.ExpectedVersion, input.ClientMutationId, context.CancellationToken);
        if (failure is not null) return failure;

        var checks = new InputChecks();
        await services.GetRequiredService<PersonEditor>().ApplyAsync(person!, input, checks, context.CancellationToken);
        if (checks.Failed) return Payload<Person>.Failure(input.ClientMutationId, checks.Errors);

        session.UpdateRevision(person!, input.ExpectedVersion!.Value + 1);
        services.GetRequiredService<ChangeAnnouncer>().Changed(session, person!);
        return await VersionedEditing.SaveAsync(session, Kind, person!, input.ClientMutationId, input.ExpectedVersion.Value, context.CancellationToken);
    }

    private static async Task<Payload<Person>> DeleteAsync(IResolveFieldContext context, DeletePersonInput input)
    {
        var session = context.RequestServices!.GetRequiredService<IDocumentSession>();
        var (person, failure) = await VersionedEditing.LockAsync(session, Kind, input.Id, input.ExpectedVersion, input.ClientMutationId, context.CancellationToken);
        if (failure is not null) return failure;

        var films = await CreditedFilmsAsync(session, person!.Id, context.CancellationToken);
        if (films.Count > 0 && !input.Cascade)
            return Payload<Person>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.InUse,
                $"{person.Name} is credited on {films.Count} film(s) ({string.Join(", ", films.Take(5).Select(f => f.Slug))}); remove the credits first or pass `cascade: true` to remove them with the person.")], person);

        // Each film's revision bump makes an edit of that film based on its old version lose.
        var announcer = context.RequestServices!.GetRequiredService<ChangeAnnouncer>();
        foreach (var film in films)
        {
            film.DirectorIds.RemoveAll(id => id == person.Id);
            film.WriterIds.RemoveAll(id => id == person.Id);
            film.Cast.RemoveAll(member => member.PersonId == person.Id);
            session.UpdateRevision(film, film.Version + 1);
            announcer.Changed(session, film);
        }
        VersionedWrites.DeleteChecked(session, Kind, person, input.ExpectedVersion!.Value);
        announcer.Deleted(session, person);
        var saved = await VersionedEditing.SaveAsync(session, Kind, person, input.ClientMutationId, input.ExpectedVersion.Value, context.CancellationToken);
        return saved.Errors.Count > 0 ? saved : saved with { Node = null };
    }

    /// <summary>
    /// The films crediting the person in any role, locked in slug order until the deletion commits, so
    /// none is deleted or re-credited in between (and two cascades cannot deadlock).
    /// </summary>
    private static async Task<IReadOnlyList<Film>> CreditedFilmsAsync(IDocumentSession session, Guid personId, CancellationToken cancellationToken) =>
        await session.QueryAsync<Film>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Films} d where d.credited_person_ids @> ^ order by d.slug for update",
            cancellationToken, new[] { personId });
}
