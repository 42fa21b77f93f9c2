using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace HeadlessReviews.Api.Security;

/// <summary>
/// The one place where field rules are enforced. A field marked with GraphQL.NET's
/// <c>AuthorizeWithRoles(...)</c> gets its resolver wrapped when the schema is built: callers without
/// the role get null and an <c>AUTH_NOT_AUTHENTICATED</c>/<c>AUTH_NOT_AUTHORIZED</c> error, and the
/// field's own resolver never runs. A subscription field's stream is guarded the same way, as it is
/// opened before any resolver runs. Fields without the mark pay nothing. (A wrapper around resolvers, so
/// it takes the <see cref="Viewer"/> from the context's services itself: the request's, or the event's.)
/// </summary>
public sealed class FieldAuthorization : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        var roles = field.GetRoles();
        if (roles is null || roles.Count == 0) return;
        var what = $"`{type.Name}.{field.Name}`";
        field.Resolver = new Guarded(field.Resolver ?? NameFieldResolver.Instance, roles, what);
        if (field.StreamResolver is { } stream) field.StreamResolver = new GuardedStream(stream, roles, what);
    }

    private static ExecutionError? Refusal(IResolveFieldContext context, List<string> roles, string what) =>
        AccessErrors.Check(context.RequestServices!.GetRequiredService<Viewer>(), roles, what);

    private sealed class Guarded(IFieldResolver inner, List<string> roles, string what) : IFieldResolver
    {
        // Thrown, not added to context.Errors with a null result: GraphQL.NET then reports it with its
        // path and nulls the field, or the nearest nullable parent of a non-null field (`apiTokens`),
        // instead of adding a second, internal "cannot return null" error.
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            Refusal(context, roles, what) is { } error ? throw error : inner.ResolveAsync(context);
    }

    private sealed class GuardedStream(ISourceStreamResolver inner, List<string> roles, string what) : ISourceStreamResolver
    {
        public ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context) =>
            Refusal(context, roles, what) is { } error ? throw error : inner.ResolveAsync(context);
    }
}
