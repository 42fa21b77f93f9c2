using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.People;

namespace HeadlessReviews.Api.Films;

public sealed class CastCreditType : ObjectGraphType<CastMember>
{
    public CastCreditType()
    {
        Name = "CastCredit";
        Description = "An actor's part in a film.";
        Field<NonNullGraphType<PersonType>>("person").Description("The actor.")
            .Resolve().WithService<PeopleByIdLoader>().Resolve((context, people) => people.Load(context.Source.PersonId));
        Field(x => x.Character, nullable: true).Description("The character played, as credited; null for an uncredited or unnamed part.");
        Field(x => x.Billing).Description("Position in the billing: 1 is top of the bill.");
    }
}
