using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary><c>createFilm</c>, <c>updateFilm</c>, <c>deleteFilm</c>: EDITOR or ADMIN.</summary>
public sealed class FilmMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<PayloadType<FilmType, Film>>("createFilm")
            .Description("Adds a film to the catalogue. Needs EDITOR.")
            .Argument<NonNullGraphType<CreateFilmInputType>>("input", "The new film.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolveAsync(async context => await CreateAsync(context, context.GetArgument<CreateFilmInput>("input")));

        mutation.Field<PayloadType<FilmType, Film>>("updateFilm")
            .Description("Changes a film. Needs EDITOR.")
            .Argument<NonNullGraphType<UpdateFilmInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolveAsync(async context => await UpdateAsync(context, context.GetArgument<UpdateFilmInput>("input")));

        mutation.Field<PayloadType<FilmType, Film>>("deleteFilm")
            .Description("Deletes a film. A film with reviews is kept unless `cascade` is set. Needs EDITOR.")
            .Argument<NonNullGraphType<DeleteFilmInputType>>("input", "The film to delete.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolveAsync(async context => await DeleteAsync(context, context.GetArgument<DeleteFilmInput>("input")));
    }

    private static async Task<Payload<Film>> CreateAsync(IResolveFieldContext context, CreateFilmInput input)
    {
        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        var film = new Film { Id = Guid.NewGuid() };
        var checks = new InputChecks();
        await services.GetRequiredService<FilmEditor>().ApplyAsync(film, input, checks, context.CancellationToken);
        if (checks.Failed) return Payload<Film>.Failure(input.ClientMutationId, checks.Errors);

        session.Insert(film);
        return await SaveAsync(session, film, input.ClientMutationId, expectedVersion: 0, context.CancellationToken);
    }

    private static async Task<Payload<Film>> UpdateAsync(IResolveFieldContext context, UpdateFilmInput input)
    {
        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        var (film, failure) = await FindAsync(session, input.Id, input.ExpectedVersion, input.ClientMutationId, context.CancellationToken);
        if (failure is not null) return failure;

        var checks = new InputChecks();
        await services.GetRequiredService<FilmEditor>().ApplyAsync(film!, input, checks, context.CancellationToken);
        if (checks.Failed) return Payload<Film>.Failure(input.ClientMutationId, checks.Errors);

        session.UpdateRevision(film!, input.ExpectedVersion!.Value + 1);
        return await SaveAsync(session, film!, input.ClientMutationId, input.ExpectedVersion.Value, context.CancellationToken);
    }

    private static async Task<Payload<Film>> DeleteAsync(IResolveFieldContext context, DeleteFilmInput input)
    {
        var session = context.RequestServices!.GetRequiredService<IDocumentSession>();
        var (film, failure) = await FindAsync(session, input.Id, input.ExpectedVersion, input.ClientMutationId, context.CancellationToken);
        if (failure is not null) return failure;

        var reviews = await session.Query<Review>().Where(r => r.FilmId == film!.Id).Select(r => r.Slug).ToListAsync(context.CancellationToken);
        if (reviews.Count > 0 && !input.Cascade)
            return Payload<Film>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.InUse,
                $"The film has {reviews.Count} review(s) ({string.Join(", ", reviews.Take(5))}); delete them first or pass `cascade: true` to delete them with the film.")], film);

        // The revision bump makes a concurrent change lose: the whole transaction rolls back.
        session.UpdateRevision(film!, input.ExpectedVersion!.Value + 1);
        if (reviews.Count > 0)
        {
            session.QueueSqlCommand($"delete from {Tables.Comments} where review_id in (select id from {Tables.Reviews} where film_id = ?)", film!.Id);
            session.DeleteWhere<Review>(r => r.FilmId == film.Id);
        }
        session.Delete(film!);
        var saved = await SaveAsync(session, film!, input.ClientMutationId, input.ExpectedVersion.Value, context.CancellationToken);
        return saved.Errors.Count > 0 ? saved : Payload<Film>.Success(input.ClientMutationId, film!) with { Node = null };
    }

    /// <summary>The film to change, checked against the version the client based its change on.</summary>
    private static async Task<(Film? Film, Payload<Film>? Failure)> FindAsync(
        IDocumentSession session, string? globalId, int? expectedVersion, string? clientMutationId, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var id = checks.Id("id", globalId, "Film");
        if (expectedVersion is null or < 1) checks.Add("expectedVersion", UserErrorCode.Required, "`expectedVersion` must be the film's current `version` (1 or more).");
        if (checks.Failed) return (null, Payload<Film>.Failure(clientMutationId, checks.Errors));

        var film = await session.LoadAsync<Film>(id!.Value, cancellationToken);
        if (film is null) return (null, Payload<Film>.Failure(clientMutationId, [UserError.At("id", UserErrorCode.NotFound, "There is no film with this id.")]));
        if (film.Version != expectedVersion) return (null, Conflict(clientMutationId, film));
        return (film, null);
    }

    private static async Task<Payload<Film>> SaveAsync(IDocumentSession session, Film film, string? clientMutationId, int expectedVersion, CancellationToken cancellationToken)
    {
        switch (await Saving.SaveAsync(session, cancellationToken))
        {
            case SaveOutcome.VersionConflict:
                await using (var fresh = session.DocumentStore.QuerySession())
                {
                    var current = await fresh.LoadAsync<Film>(film.Id, cancellationToken);
                    return current is null
                        ? Payload<Film>.Failure(clientMutationId, [UserError.At("id", UserErrorCode.NotFound, "The film was deleted meanwhile.")])
                        : Conflict(clientMutationId, current);
                }
            case SaveOutcome.SlugTaken:
                return Payload<Film>.Failure(clientMutationId, [UserError.At("slug", UserErrorCode.SlugTaken, $"Another film took the slug `{film.Slug}` meanwhile.")]);
            default:
                film.Version = expectedVersion + 1;
                return Payload<Film>.Success(clientMutationId, film);
        }
    }

    private static Payload<Film> Conflict(string? clientMutationId, Film current) =>
        Payload<Film>.Failure(clientMutationId,
            [new UserError(["expectedVersion"], UserErrorCode.VersionConflict,
                $"The film changed after the version you based this on; it is at version {current.Version} now. Reload it and apply your change again.", current.Version)],
            current);
}
