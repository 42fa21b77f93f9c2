using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Execution;

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

    /// <summary>
    /// The object by its id, or by the id its slug leads to: either way through the same by-id loader, so
    /// with the same cache and the same rule of who may see it.
    /// </summary>
    public static async Task<T?> LoadAsync<T>(IResolveFieldContext context, string typeName, BatchLoader<string, Guid?> idsBySlug, BatchLoader<Guid, T?> byId)
        where T : class
    {
        var (slug, id) = Arguments(context, typeName);
        id ??= await idsBySlug.Load(slug!).GetResultAsync(context.CancellationToken);
        return id is null ? null : await byId.Load(id.Value).GetResultAsync(context.CancellationToken);
    }

    /// <summary>
    /// Adds a root field <c>name(slug:, id:)</c> answered by <see cref="LoadAsync"/> with the feature's
    /// slug and id loaders: the one shape of <c>review</c>, <c>film</c> and <c>person</c>. <paramref name="beforeLookup"/>
    /// may tell the slug loader what else to read in its round trip.
    /// </summary>
    public static void AddRootField<TGraphType, T, TIdsBySlug, TById>(QueryType query, string name, string typeName, string description, string slugDescription,
        Action<IResolveFieldContext, TIdsBySlug>? beforeLookup = null)
        where TGraphType : IGraphType
        where T : class
        where TIdsBySlug : BatchLoader<string, Guid?>
        where TById : BatchLoader<Guid, T?> =>
        query.Field<TGraphType>(name)
            .Description(description)
            .Argument<StringGraphType>("slug", slugDescription)
            .Argument<IdGraphType>("id", $"The {typeName.ToLowerInvariant()}'s global id.")
            .Resolve().WithServices<TIdsBySlug, TById>()
            .ResolveAsync(async (context, bySlug, byId) =>
            {
                beforeLookup?.Invoke(context, bySlug);
                return await LoadAsync(context, typeName, bySlug, byId);
            });
}
