using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.People;

public sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType()
    {
        Name = "Person";
        Description = "Someone credited on films: a director, writer or actor.";
        this.ImplementNode(person => person.Id);
        Field(x => x.Version).Description("Revision number, one more on every change; pass it as `expectedVersion` when changing the person.");
        Field(x => x.Slug).Description("URL-safe name, unique among people: `joaquin-phoenix`.");
        Field(x => x.Name).Description("Name as credited.");
        Field(x => x.Bio, nullable: true).Description("A short biography.");
        Field<ImageType>("image").Description("A portrait.").Resolve(context => context.Source.Image);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditType>>>>("credits")
            .Description("Every part this person had in the catalogue's films, oldest film first.")
            .Resolve().WithService<FilmsByPersonLoader>().Resolve((context, filmsByPerson) => filmsByPerson.Load(context.Source.Id).Then(films => films.SelectMany(film => Credit.Of(context.Source.Id, film)).ToArray()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FilmType>>>>("films")
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
