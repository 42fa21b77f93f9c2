using GraphQL.Types;
using HeadlessReviews.Api.Films.Editing;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Graph.Scalars;
using HeadlessReviews.Api.Images;

namespace HeadlessReviews.Api.Films.Mutations;

public sealed class CastInputType : InputObjectGraphType<CastInput>
{
    public CastInputType()
    {
        Name = "CastInput";
        Description = "One actor's part in a film.";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("The actor (a Person id).");
        Field(x => x.Character, nullable: true).Description("The character played, up to 200 characters.");
        Field(x => x.Billing, nullable: true).Description("Position in the billing, 1 at the top; default: the position in this list.");
    }
}

/// <summary>The film fields of both inputs; for updates, a field left out stays as it is and null clears it.</summary>
internal static class FilmFieldsGraph
{
    public static void AddFields<T>(InputObjectGraphType<T> input, bool creating) where T : FilmFields
    {
        input.ClientMutationIdField();
        if (creating) input.Field<NonNullGraphType<StringGraphType>>("title").Description("Title as released in the UK, 1 to 200 characters.");
        else input.Field<StringGraphType>("title").Description("Title as released in the UK, 1 to 200 characters.");
        input.Field<StringGraphType>("slug").Description("URL-safe name (`the-social-network`); made from the title when left out on creation, and then made unique.");
        if (creating) input.Field<NonNullGraphType<IntGraphType>>("year").Description("Year of first release, 1888 to five years from now.");
        else input.Field<IntGraphType>("year").Description("Year of first release, 1888 to five years from now.");
        input.Field<DateType>("ukReleaseDate").Description("Date of UK cinema release.");
        input.Field<IntGraphType>("runtimeMinutes").Description("Running time in minutes, 1 to 1000.");
        input.Field<CertificateEnum>("certificate").Description("BBFC age rating.");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("genres").Description("Genres, most characteristic first; at most 10, each 1 to 40 characters.");
        input.Field<StringGraphType>("synopsis").Description("A short, spoiler-free outline, up to 2000 characters.");
        input.Field<ImageInputType>("poster").Description("The poster.");
        input.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("directorIds").Description("Directors (Person ids), as credited.");
        input.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("writerIds").Description("Writers (Person ids), as credited.");
        input.Field<ListGraphType<NonNullGraphType<CastInputType>>>("cast").Description("The cast, in billing order.");
    }
}

public sealed class CreateFilmInputType : MutationInputType<CreateFilmInput>
{
    public CreateFilmInputType()
    {
        Name = "CreateFilmInput";
        Description = "A new film.";
        FilmFieldsGraph.AddFields(this, creating: true);
    }
}

public sealed class UpdateFilmInputType : MutationInputType<UpdateFilmInput>
{
    public UpdateFilmInputType()
    {
        Name = "UpdateFilmInput";
        Description = "Changes to a film: fields left out stay as they are, fields set to null are cleared.";
        this.TargetFields("The film to change.");
        FilmFieldsGraph.AddFields(this, creating: false);
    }
}

public sealed class DeleteFilmInputType : MutationInputType<DeleteInput>
{
    public DeleteFilmInputType()
    {
        Name = "DeleteFilmInput";
        Description = "The film to delete.";
        this.ClientMutationIdField();
        this.TargetFields("The film to delete.", "The `version` the deletion is based on.");
        Field<BooleanGraphType>("cascade").Description("Also delete the film's reviews and their comments. Without it, a reviewed film is not deleted (`IN_USE`).").DefaultValue(false);
    }
}
