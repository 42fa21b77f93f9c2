using GraphQL.Types;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Films;

public sealed class FilmFilterInputType : InputObjectGraphType<FilmFilter>
{
    public FilmFilterInputType()
    {
        Name = "FilmFilter";
        Description = "Conditions on films; every condition given must hold.";
        Field(x => x.Genre, nullable: true).Description("Films of this genre (any letter case): `drama`.");
        Field<CertificateEnum>("certificate").Description("Films with this BBFC rating.");
        Field(x => x.Year, nullable: true).Description("Films first released in this year.");
        Field<IdGraphType>("personId").Description("Films that credit this person, in any role.");
    }
}

public sealed class FilmOrderFieldEnum : EnumerationGraphType<FilmOrderField>
{
    public FilmOrderFieldEnum()
    {
        Name = "FilmOrderField";
        Description = "What films can be sorted by.";
    }
}

public sealed class FilmOrderInputType : InputObjectGraphType<FilmOrder>
{
    public FilmOrderInputType()
    {
        Name = "FilmOrder";
        Description = "One sort key for films; later keys break ties of earlier ones.";
        Field<NonNullGraphType<FilmOrderFieldEnum>>("field").Description("What to sort by.");
        Field<NonNullGraphType<OrderDirectionEnum>>("direction").Description("Which way.").DefaultValue(false);
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new FilmOrder
    {
        Field = (FilmOrderField)value["field"]!,
        Descending = value.TryGetValue("direction", out var direction) && direction is true,
    };
}
