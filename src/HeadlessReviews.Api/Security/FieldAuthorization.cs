using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace HeadlessReviews.Api.Security;

/// <summary>
/// The one place where field rules are enforced. A field marked with GraphQL.NET's
/// <c>AuthorizeWithRoles(...)</c> gets its resolver wrapped when the schema is built: callers without
/// the role get null and an <c>AUTH_NOT_AUTHENTICATED</c>/<c>AUTH_NOT_AUTHORIZED</c> error, and the
/// field's own resolver never runs. Fields without the mark pay nothing.
/// </summary>
public sealed class FieldAuthorization : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        var roles = field.GetRoles();
        if (roles is null || roles.Count == 0) return;
        field.Resolver = new Guarded(field.Resolver ?? NameFieldResolver.Instance, roles, $"`{type.Name}.{field.Name}`");
    }

    private sealed class Guarded(IFieldResolver inner, List<string> roles, string what) : IFieldResolver
    {
        // Thrown, not added to context.Errors with a null result: GraphQL.NET then reports it with its
        // path and nulls the field, or the nearest nullable parent of a non-null field (`apiTokens`),
        // instead of adding a second, internal "cannot return null" error.
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            AccessErrors.Check(context.RequestServices!.GetRequiredService<Viewer>(), roles, what) is { } error
                ? throw error
                : inner.ResolveAsync(context);
    }
}
