using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Images;

namespace HeadlessReviews.Api.People;

public sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType(IEnumerable<ITypeFields<PersonType>> contributions)
    {
        Name = "Person";
        Description = "Someone credited on films: a director, writer or actor.";
        this.ImplementNode(person => person.Id);
        Field(x => x.Version).Description("Revision number, one more on every change; pass it as `expectedVersion` when changing the person.");
        Field(x => x.Slug).Description("URL-safe name, unique among people: `joaquin-phoenix`.");
        Field(x => x.Name).Description("Name as credited.");
        Field(x => x.Bio, nullable: true).Description("A short biography.");
        Field<ImageType>("image").Description("A portrait.").Resolve(context => context.Source.Image);
        this.AddContributed(contributions);
    }
}
