using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Images;
using HeadlessReviews.Api.People;

namespace HeadlessReviews.Api.Films;

public sealed class FilmType : ObjectGraphType<Film>
{
    public FilmType(IEnumerable<ITypeFields<FilmType>> contributions)
    {
        Name = "Film";
        Description = "A film in the catalogue, with its credits and the publication's reviews of it.";
        this.ImplementNode(film => film.Id);
        Field(x => x.Version).Description("Revision number, one more on every change; pass it as `expectedVersion` when changing the film.");
        Field(x => x.Slug).Description("URL-safe name, unique among films: `her`.");
        Field(x => x.Title).Description("Title as released in the UK.");
        Field(x => x.Year).Description("Year of first release.");
        Field(x => x.UkReleaseDate, nullable: true).Description("Date of UK cinema release.");
        Field(x => x.RuntimeMinutes, nullable: true).Description("Running time in minutes.");
        Field<CertificateEnum>("certificate").Description("BBFC age rating.").Resolve(context => context.Source.Certificate);
        Field<StringGraphType>("certificateLabel").Description("BBFC age rating as printed: `12A`, `15`.")
            .Resolve(context => context.Source.Certificate?.Label());
        Field(x => x.Genres).Description("Genres, most characteristic first: `Drama`, `Science Fiction`.");
        Field(x => x.Synopsis, nullable: true).Description("A short, spoiler-free outline of the story.");
        Field<ImageType>("poster").Description("The poster.").Resolve(context => context.Source.Poster);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("directors").Description("Directors, as credited.")
            .Resolve().WithService<PeopleByIdLoader>().Resolve((context, peopleById) => LoadPeople(peopleById, context.Source.DirectorIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("writers").Description("Writers, as credited.")
            .Resolve().WithService<PeopleByIdLoader>().Resolve((context, peopleById) => LoadPeople(peopleById, context.Source.WriterIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CastCreditType>>>>("cast").Description("Cast in billing order.")
            .Resolve(context => context.Source.Cast.OrderBy(member => member.Billing));
        this.AddContributed(contributions);
    }

    private static object LoadPeople(PeopleByIdLoader peopleById, IEnumerable<Guid> ids) =>
        peopleById.LoadMany(ids).Then(people => people.OfType<Person>().ToArray());
}
