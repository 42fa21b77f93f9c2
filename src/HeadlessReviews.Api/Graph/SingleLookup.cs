using GraphQL;

namespace HeadlessReviews.Api.Graph;

/// <summary>The <c>slug</c>-or-<c>id</c> arguments of single-object root fields (<c>film</c>, <c>review</c>…).</summary>
public static class SingleLookup
{
    /// <summary>Exactly one of the two, the id decoded; a user error otherwise.</summary>
    public static (string? Slug, Guid? Id) Arguments(IResolveFieldContext context, string typeName)
    {
        var slug = context.GetArgument<string?>("slug");
        var id = context.GetArgument<string?>("id");
        if ((slug is null) == (id is null))
            throw new UserInputError(slug is null ? "slug" : "id", "Pass exactly one of `slug` and `id`.");
        if (id is null) return (slug, null);
        return (null, GlobalId.DecodeAs(id, typeName) ?? throw new UserInputError("id", $"`id` is not the id of a {typeName}."));
    }
}
