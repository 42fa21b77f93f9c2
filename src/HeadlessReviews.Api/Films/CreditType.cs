using GraphQL.Types;

namespace HeadlessReviews.Api.Films;

public sealed class CreditRoleEnum : EnumerationGraphType<CreditRole>
{
    public CreditRoleEnum()
    {
        Name = "CreditRole";
        Description = "The part a person had in making a film.";
    }
}

public sealed class CreditType : ObjectGraphType<Credit>
{
    public CreditType()
    {
        Name = "Credit";
        Description = "One part a person had in one film.";
        Field<NonNullGraphType<FilmType>>("film").Description("The film.").Resolve(context => context.Source.Film);
        Field<NonNullGraphType<CreditRoleEnum>>("role").Description("Directed, wrote or acted.").Resolve(context => context.Source.Role);
        Field(x => x.Character, nullable: true).Description("For actors: the character played.");
        Field(x => x.Billing, nullable: true).Description("For actors: position in the billing, 1 being top.");
    }
}
