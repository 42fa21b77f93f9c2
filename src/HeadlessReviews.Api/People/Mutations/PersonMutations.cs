using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.People.Editing;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.People.Mutations;

/// <summary><c>createPerson</c>, <c>updatePerson</c>, <c>deletePerson</c>: EDITOR or ADMIN. Each maps its input to one operation of <c>People/Editing</c>.</summary>
public sealed class PersonMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<PayloadType<PersonType, Person>>("createPerson")
            .Description("Adds a person to the catalogue; credit them on films with `createFilm`/`updateFilm`. Needs EDITOR.")
            .Argument<NonNullGraphType<CreatePersonInputType>>("input", "The new person.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolvesWith<CreatePerson, CreatePersonInput, Person>();

        mutation.Field<PayloadType<PersonType, Person>>("updatePerson")
            .Description("Changes a person. Needs EDITOR.")
            .Argument<NonNullGraphType<UpdatePersonInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolvesWith<UpdatePerson, UpdatePersonInput, Person>();

        mutation.Field<PayloadType<PersonType, Person>>("deletePerson")
            .Description("Deletes a person. A person credited on films is kept unless `cascade` is set. Needs EDITOR.")
            .Argument<NonNullGraphType<DeletePersonInputType>>("input", "The person to delete.")
            .AuthorizeWithRoles(Roles.Editor)
            .ResolvesWith<DeletePerson, DeleteInput, Person>();
    }
}
