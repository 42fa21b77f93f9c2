using GraphQL.Types;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Reviews;

public sealed class ReviewFilterInputType : InputObjectGraphType<ReviewFilter>
{
    public ReviewFilterInputType()
    {
        Name = "ReviewFilter";
        Description = "Conditions on reviews; every condition given must hold.";
        Field<VerdictRatingEnum>("verdict").Description("Reviews with this verdict.");
        Field(x => x.Genre, nullable: true).Description("Reviews of films of this genre (any letter case): `romance`.");
        Field<CertificateEnum>("certificate").Description("Reviews of films with this BBFC rating.");
        Field<IdGraphType>("filmId").Description("Reviews of this film.");
        Field<IdGraphType>("personId").Description("Reviews of films that credit this person, in any role.");
        Field(x => x.PublishedAfter, nullable: true).Description("Reviews published at or after this instant.");
        Field(x => x.PublishedBefore, nullable: true).Description("Reviews published before this instant.");
    }
}

public sealed class ReviewOrderFieldEnum : EnumerationGraphType<ReviewOrderField>
{
    public ReviewOrderFieldEnum()
    {
        Name = "ReviewOrderField";
        Description = "What reviews can be sorted by.";
    }
}

public sealed class ReviewOrderInputType : InputObjectGraphType<ReviewOrder>
{
    public ReviewOrderInputType()
    {
        Name = "ReviewOrder";
        Description = "One sort key for reviews; later keys break ties of earlier ones.";
        Field<NonNullGraphType<ReviewOrderFieldEnum>>("field").Description("What to sort by.");
        Field<NonNullGraphType<OrderDirectionEnum>>("direction").Description("Which way.").DefaultValue(true);
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new ReviewOrder
    {
        Field = (ReviewOrderField)value["field"]!,
        Descending = !value.TryGetValue("direction", out var direction) || direction is true,
    };
}
