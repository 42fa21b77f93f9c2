using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Films.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Films.Mutations;

/// <summary><c>createFilm</c>, <c>updateFilm</c>, <c>deleteFilm</c>: EDITOR or ADMIN. Each maps its input to one operation of <c>Films/Editing</c>.</summary>
public sealed class FilmMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<PayloadType<FilmType, Film>>("createFilm")
            .Description("Adds a film to the catalogue. Needs EDITOR.")
            .Argument<NonNullGraphType<CreateFilmInputType>>("input", "The new film.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolvesWith<CreateFilm, CreateFilmInput, Film>();

        mutation.Field<PayloadType<FilmType, Film>>("updateFilm")
            .Description("Changes a film. Needs EDITOR.")
            .Argument<NonNullGraphType<UpdateFilmInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolvesWith<UpdateFilm, UpdateFilmInput, Film>();

        mutation.Field<PayloadType<FilmType, Film>>("deleteFilm")
            .Description("Deletes a film. A film with reviews is kept unless `cascade` is set. Needs EDITOR.")
            .Argument<NonNullGraphType<DeleteFilmInputType>>("input", "The film to delete.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolvesWith<DeleteFilm, DeleteInput, Film>();
    }
}
