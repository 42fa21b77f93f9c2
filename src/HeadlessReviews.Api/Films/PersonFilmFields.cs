using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.People;

namespace HeadlessReviews.Api.Films;

/// <summary>A person's credits and films: fields of <c>Person</c> that belong to films, since credits live on the films.</summary>
public sealed class PersonFilmFields : ITypeFields<PersonType>
{
    public void AddTo(PersonType person)
    {
        person.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditType>>>>("credits")
            .Description("Every part this person had in the catalogue's films, oldest film first.")
            .Resolve().WithService<FilmsByPersonLoader>()
            .Resolve((context, filmsByPerson) => filmsByPerson.Load(context.Source.Id).Then(films => films.SelectMany(film => Credit.Of(context.Source.Id, film)).ToArray()));
        person.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FilmType>>>>("films")
            .Description("The catalogue's films this person is credited on, oldest first; `role` keeps those of one role.")
            .Argument<CreditRoleEnum>("role", "Only films on which the person had this role.")
            .Resolve().WithService<FilmsByPersonLoader>().Resolve((context, filmsByPerson) =>
            {
                var role = context.GetArgument<CreditRole?>("role");
                return filmsByPerson.Load(context.Source.Id).Then(films => films
                    .Where(film => role is null || Credit.Of(context.Source.Id, film).Any(credit => credit.Role == role))
                    .ToArray());
            });
    }
}
