using GraphQL.Types;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Images;
using HeadlessReviews.Api.People.Editing;

namespace HeadlessReviews.Api.People.Mutations;

/// <summary>The person fields of both inputs; for updates, a field left out stays as it is and null clears it.</summary>
internal static class PersonFieldsGraph
{
    public static void AddFields<T>(InputObjectGraphType<T> input, bool creating) where T : PersonFields
    {
        input.ClientMutationIdField();
        if (creating) input.Field<NonNullGraphType<StringGraphType>>("name").Description("Name as credited, 1 to 200 characters.");
        else input.Field<StringGraphType>("name").Description("Name as credited, 1 to 200 characters.");
        input.Field<StringGraphType>("slug").Description("URL-safe name (`joaquin-phoenix`); made from the name when left out on creation, and then made unique.");
        input.Field<StringGraphType>("bio").Description("A short biography, up to 4000 characters.");
        input.Field<ImageInputType>("image").Description("A portrait.");
    }
}

public sealed class CreatePersonInputType : MutationInputType<CreatePersonInput>
{
    public CreatePersonInputType()
    {
        Name = "CreatePersonInput";
        Description = "A new person.";
        PersonFieldsGraph.AddFields(this, creating: true);
    }
}

public sealed class UpdatePersonInputType : MutationInputType<UpdatePersonInput>
{
    public UpdatePersonInputType()
    {
        Name = "UpdatePersonInput";
        Description = "Changes to a person: fields left out stay as they are, fields set to null are cleared.";
        this.TargetFields("The person to change.");
        PersonFieldsGraph.AddFields(this, creating: false);
    }
}

public sealed class DeletePersonInputType : MutationInputType<DeleteInput>
{
    public DeletePersonInputType()
    {
        Name = "DeletePersonInput";
        Description = "The person to delete.";
        this.ClientMutationIdField();
        this.TargetFields("The person to delete.", "The `version` the deletion is based on.");
        Field<BooleanGraphType>("cascade").Description("Also remove the person's credits from the films that name them. Without it, a credited person is not deleted (`IN_USE`).").DefaultValue(false);
    }
}
