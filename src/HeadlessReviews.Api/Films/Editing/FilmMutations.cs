using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
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

    private static readonly EditedKind<Film> Kind = new("Film", "film", Tables.Films, film => film.Id);

    private static async Task<Payload<Film>> CreateAsync(IResolveFieldContext context, CreateFilmInput input)
    {
        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        var film = new Film { Id = Guid.NewGuid() };
        await session.BeginTransactionAsync(context.CancellationToken);
        var checks = new InputChecks();
        await services.GetRequiredService<FilmEditor>().ApplyAsync(film, input, checks, context.CancellationToken);
        if (checks.Failed) return Payload<Film>.Failure(input.ClientMutationId, checks.Errors);

        session.Insert(film);
        services.GetRequiredService<ChangeAnnouncer>().Changed(session, film);
        return await VersionedEditing.SaveAsync(session, Kind, film, input.ClientMutationId, expectedVersion: 0, context.CancellationToken);
    }

    private static async Task<Payload<Film>> UpdateAsync(IResolveFieldContext context, UpdateFilmInput input)
    {
        var services = context.RequestServices!;
        var session = services.GetRequiredService<IDocumentSession>();
        var (film, failure) = await VersionedEditing.LockAsync(session, Kind, input.Id, input.ExpectedVersion, input.ClientMutationId, context.CancellationToken);
        if (failure is not null) return failure;

        var checks = new InputChecks();
        await services.GetRequiredService<FilmEditor>().ApplyAsync(film!, input, checks, context.CancellationToken);
        if (checks.Failed) return Payload<Film>.Failure(input.ClientMutationId, checks.Errors);

        session.UpdateRevision(film!, input.ExpectedVersion!.Value + 1);
        services.GetRequiredService<ChangeAnnouncer>().Changed(session, film!);
        return await VersionedEditing.SaveAsync(session, Kind, film!, input.ClientMutationId, input.ExpectedVersion.Value, context.CancellationToken);
    }

    private static async Task<Payload<Film>> DeleteAsync(IResolveFieldContext context, DeleteFilmInput input)
    {
        var session = context.RequestServices!.GetRequiredService<IDocumentSession>();
        var (film, failure) = await VersionedEditing.LockAsync(session, Kind, input.Id, input.ExpectedVersion, input.ClientMutationId, context.CancellationToken);
        if (failure is not null) return failure;

        var reviews = await session.Query<Review>().Where(r => r.FilmId == film!.Id).Select(r => r.Slug).ToListAsync(context.CancellationToken);
        if (reviews.Count > 0 && !input.Cascade)
            return Payload<Film>.Failure(input.ClientMutationId, [UserError.At("id", UserErrorCode.InUse,
                $"The film has {reviews.Count} review(s) ({string.Join(", ", reviews.Take(5))}); delete them first or pass `cascade: true` to delete them with the film.")], film);

        if (reviews.Count > 0)
        {
            session.QueueSqlCommand($"delete from {Tables.Comments} where review_id in (select id from {Tables.Reviews} where film_id = ?)", film!.Id);
            session.QueueSqlCommand($"delete from {Tables.Reviews} where film_id = ?", film.Id);
        }
        VersionedWrites.DeleteChecked(session, Kind, film!, input.ExpectedVersion!.Value);
        context.RequestServices!.GetRequiredService<ChangeAnnouncer>().Deleted(session, film!);
        var saved = await VersionedEditing.SaveAsync(session, Kind, film!, input.ClientMutationId, input.ExpectedVersion.Value, context.CancellationToken);
        return saved.Errors.Count > 0 ? saved : saved with { Node = null };
    }
}
